"""Safe writes: nothing half-written, nothing replaced by surprise, modes and owners kept."""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from prd_forge import _io
from prd_forge._io import (
    NotReplaceable,
    OutputExistsError,
    check_writable,
    refuse_inputs,
    write_all,
    write_atomic,
)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_new_file_gets_umask_permissions(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "PRD.md"
    write_atomic(target, "# PRD\n")
    assert target.read_text(encoding="utf-8") == "# PRD\n"
    assert target.stat().st_mode & 0o777 == 0o644


def test_overwrite_keeps_existing_permissions(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "PRD.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new\n", force=True)
    assert target.read_text(encoding="utf-8") == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640


def test_refuses_existing_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "PRD.md"
    target.write_text("keep me\n", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert [p.name for p in tmp_path.iterdir()] == ["PRD.md"]


def test_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "new\n", force=True)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"


def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "target.md")
    write_atomic(link, "new\n")
    assert link.is_symlink()
    assert (tmp_path / "target.md").read_text(encoding="utf-8") == "new\n"


@pytest.mark.parametrize("force", [False, True])
def test_never_replaces_a_fifo_or_a_device(tmp_path: Path, force: bool) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(NotReplaceable, match="is a named pipe \\(FIFO\\); prd-forge only writes"):
        write_atomic(fifo, "x\n", force=force)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    with pytest.raises(NotReplaceable, match="/dev/null: is a device; prd-forge only writes"):
        check_writable(Path("/dev/null"), force=force)
    link = tmp_path / "null.md"
    link.symlink_to("/dev/null")
    with pytest.raises(NotReplaceable, match=r"null\.md: is a device"):
        write_atomic(link, "x\n", force=force)
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_keeps_hard_links_together(tmp_path: Path) -> None:
    one = tmp_path / "one.md"
    one.write_text("old\n", encoding="utf-8")
    other = tmp_path / "other.md"
    os.link(one, other)
    write_atomic(one, "new\n", force=True)
    assert other.read_text(encoding="utf-8") == "new\n"
    assert one.stat().st_ino == other.stat().st_ino


@pytest.mark.skipif(os.getuid() != 0, reason="only root can give a file to another owner")
def test_keeps_the_owner(tmp_path: Path) -> None:
    target = tmp_path / "PRD.md"
    target.write_text("old\n", encoding="utf-8")
    os.chown(target, 1234, 5678)
    write_atomic(target, "new\n", force=True)
    assert (target.stat().st_uid, target.stat().st_gid) == (1234, 5678)
    assert target.read_text(encoding="utf-8") == "new\n"


def test_a_file_created_meanwhile_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "PRD.md"
    real_link = os.link

    def late_arrival(source: Path, destination: Path) -> None:
        destination.write_text("theirs\n", encoding="utf-8")  # between our check and our link
        real_link(source, destination)

    monkeypatch.setattr(os, "link", late_arrival)
    with pytest.raises(OutputExistsError):
        write_atomic(target, "ours\n")
    assert target.read_text(encoding="utf-8") == "theirs\n"
    assert [p.name for p in tmp_path.iterdir()] == ["PRD.md"]


def test_racing_writers_of_one_new_file_never_both_succeed(tmp_path: Path) -> None:
    for round_ in range(40):
        target = tmp_path / f"PRD{round_}.md"
        barrier = threading.Barrier(2)
        won: list[str] = []

        def write(
            name: str,
            target: Path = target,
            barrier: threading.Barrier = barrier,
            won: list[str] = won,
        ) -> None:
            barrier.wait()
            try:
                write_atomic(target, f"{name}\n")
                won.append(name)
            except OutputExistsError:
                pass

        threads = [threading.Thread(target=write, args=(name,)) for name in ("a", "b")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(won) == 1
        assert target.read_text(encoding="utf-8") == f"{won[0]}\n"


def test_syncs_the_file_and_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    write_atomic(tmp_path / "PRD.md", "x\n")
    assert synced == ["file", "folder"]


def test_stale_temporary_files_of_dead_runs_are_removed(tmp_path: Path) -> None:
    dead = tmp_path / ".PRD.md.999999999.abcd1234.prd-forge.tmp"
    live = tmp_path / f".PRD.md.{os.getpid()}.abcd1234.prd-forge.tmp"
    old = tmp_path / f".PRD.md.{os.getpid()}.old12345.prd-forge.tmp"
    other = tmp_path / ".notes.md.999999999.abcd1234.prd-forge.tmp"
    for path in (dead, live, old, other):
        path.write_text("half\n", encoding="utf-8")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    write_atomic(tmp_path / "PRD.md", "x\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["PRD.md", live.name, other.name])


def test_a_failed_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(tmp_path / "PRD.md", "x\n")
    assert list(tmp_path.iterdir()) == []


def test_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("feature: {}\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(spec)
    for output in (spec, link):
        with pytest.raises(NotReplaceable, match=r"is the input .*spec\.yaml; write the output"):
            refuse_inputs(output, [None, spec])
    refuse_inputs(tmp_path / "PRD.md", [spec])  # a different file: fine


def test_write_all_is_both_or_neither(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers, prd = tmp_path / "PRD.yaml", tmp_path / "PRD.md"
    real_link = os.link

    def prd_appears(source: Path, destination: Path) -> None:
        if Path(destination).name == "PRD.md":
            Path(destination).write_text("theirs\n", encoding="utf-8")
        real_link(source, destination)

    monkeypatch.setattr(os, "link", prd_appears)
    with pytest.raises(OutputExistsError):
        write_all([(answers, "a: 1\n"), (prd, "# PRD\n")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["PRD.md"]
    assert prd.read_text(encoding="utf-8") == "theirs\n"


def test_a_file_that_appears_after_the_first_check_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window the racing-writers test hits only now and then: another run places the file
    # after this one's existence check and before it looks at the target.
    target = tmp_path / "PRD.md"
    first_check = _io.check_writable

    def then_another_run_wins(path: Path, *, force: bool) -> None:
        first_check(path, force=force)
        path.write_text("theirs\n", encoding="utf-8")

    monkeypatch.setattr(_io, "check_writable", then_another_run_wins)
    with pytest.raises(OutputExistsError):
        write_atomic(target, "ours\n")
    assert target.read_text(encoding="utf-8") == "theirs\n"
    assert [p.name for p in tmp_path.iterdir()] == ["PRD.md"]


@pytest.mark.parametrize("size", [0, 1, 8 * 1024, 3 * 64 * 1024 + 7])
def test_read_regular_reads_every_byte(tmp_path: Path, size: int) -> None:
    target = tmp_path / "doc.md"
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    target.write_bytes(data)
    assert _io.read_regular(target, 1024 * 1024) == data


def _shrunk_fstat(monkeypatch: pytest.MonkeyPatch, by: int) -> None:
    """Make fstat report `by` bytes fewer than a file holds: a file that grew since."""
    real = os.fstat

    def fstat(fd: int) -> os.stat_result:
        info = list(real(fd))
        info[stat.ST_SIZE] = max(0, info[stat.ST_SIZE] - by)
        return os.stat_result(info)

    monkeypatch.setattr(os, "fstat", fstat)


def test_read_regular_reads_what_a_file_grew_by_up_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "doc.md"
    data = b"line\n" * 50_000  # 250,000 bytes, several reads past what fstat said
    target.write_bytes(data)
    _shrunk_fstat(monkeypatch, 200_000)
    assert _io.read_regular(target, 1024 * 1024) == data
    with pytest.raises(_io.ReadError, match=r"over the 0\.125 MB limit"):
        _io.read_regular(target, 128 * 1024)
