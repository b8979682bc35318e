"""An index folder from someone else must not run code: Whoosh's pickles are loaded with an allow-list.

The hostile indexes here are made the way an attacker would: a real untrack index whose
``_MAIN_*.toc`` has its schema (or segment list) pickle swapped for a payload, laid out as
Whoosh's ``TOC.write`` lays it out; or one written by Whoosh itself with a payload in every
record's stored fields, so the schema loads and only reading a hit meets the payload.
"""

from __future__ import annotations

import io
import os
import pickle
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import SEED, jsonl
from untrack import safepickle
from untrack.cli import app
from untrack.index import IndexStore, document_fields, make_schema
from untrack.sources import Source, bundled_seed


class _Call:
    """Pickles as a call of `func(*args)`: what a hostile pickle makes the unpickler do."""

    def __init__(self, func, *args) -> None:
        self.func = func
        self.args = args

    def __reduce__(self):
        return (self.func, self.args)


def _touch_command(sentinel: Path) -> _Call:
    return _Call(os.system, f"touch {shlex.quote(str(sentinel))}")  # pickles as posix.system


def _touch_path(sentinel: Path) -> _Call:
    return _Call(Path.touch, Path(sentinel))  # pickles as builtins.getattr(pathlib.Path, 'touch')


FIXTURES = Path(__file__).parent / "fixtures"


def _build(path: Path) -> Path:
    IndexStore(path).update([Source.of(bundled_seed())], rebuild=True)
    return path


def _toc(index: Path) -> Path:
    (toc,) = (index / "current").glob("_MAIN_*.toc")
    return toc


def _toc_parts(data: bytes) -> tuple[bytes, bytes, bytes, bytes]:
    """Split a TOC as whoosh.index.TOC.write writes it: header (sizes, -12345, version,
    release), the schema pickle as a varint-prefixed string, generation + an unused int,
    then the pickled segment list up to the end."""
    from whoosh.filedb.structfile import StructFile

    f = StructFile(io.BytesIO(data))
    for _ in range(3):
        f.read_varint()  # int, long and float sizes
    assert f.read_int() == -12345
    f.read_int()  # TOC version
    for _ in range(3):
        f.read_varint()  # Whoosh release
    header_end = f.tell()
    schema = f.read_string()
    schema_end = f.tell()
    f.read_int()  # generation
    f.read_int()  # unused
    ints_end = f.tell()
    return data[:header_end], schema, data[schema_end:ints_end], data[ints_end:]


def _rewrite_toc(index: Path, schema: bytes | None = None, segments: bytes | None = None) -> None:
    from whoosh.util.varints import varint

    toc = _toc(index)
    header, old_schema, ints, old_segments = _toc_parts(toc.read_bytes())
    schema = old_schema if schema is None else schema
    toc.write_bytes(header + varint(len(schema)) + schema + ints + (old_segments if segments is None else segments))


def _poison_stored_fields(index: Path, payload: object) -> None:
    """Rewrite the index with Whoosh, every record carrying `payload` under an extra key."""
    from whoosh import index as windex

    records = IndexStore(index).records()
    gen = index / "current"
    ix = windex.create_in(str(gen), make_schema())
    with ix.writer() as w:
        for rec in records:
            fields = document_fields(rec)
            fields["record"] = {**rec, "note": payload}
            w.add_document(**fields)


COMMANDS = [
    ["search", "trust"],
    ["status"],
    ["show", f"{SEED}#2"],
    ["export"],
    ["speakers"],
    ["speakers", "trust"],
]


def _untrack(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("UNTRACK_INDEX", "UNTRACK_DEBUG")}
    return subprocess.run(
        [sys.executable, "-m", "untrack", *args], capture_output=True, text=True, timeout=120, cwd=cwd, env=env
    )


def _assert_refused(stderr: str, index: Path, asked: str) -> None:
    assert stderr.count("\n") == 1, stderr
    assert stderr.startswith(f"untrack: error: index at {index} is damaged or not an untrack index"), stderr
    assert f"(it asks to load {asked})" in stderr
    assert stderr.rstrip().endswith(f"rebuild it with: untrack index --rebuild --index {index}")
    assert "Traceback" not in stderr and "internal error" not in stderr


def test_hostile_payloads_really_run_under_plain_whoosh(tmp_path: Path) -> None:
    """The crafted files are genuine exploits: a bare Whoosh script opening them runs the payload."""
    index = _build(tmp_path / "index")
    sentinel = tmp_path / "SENTINEL"
    header, schema, ints, segments = _toc_parts(_toc(index).read_bytes())
    assert pickle.loads(schema).names() == make_schema().names()  # the split is right
    _rewrite_toc(index, schema=pickle.dumps(_touch_command(sentinel), 2))
    script = f"from whoosh import index; index.open_dir({str(index / 'current')!r})"
    subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert sentinel.exists()


@pytest.mark.parametrize("make_payload", [_touch_command, _touch_path], ids=["os.system", "Path.touch"])
def test_schema_payload_in_toc_never_runs_via_any_command(tmp_path: Path, runner, make_payload) -> None:
    index = _build(tmp_path / "index")
    sentinel = tmp_path / "SENTINEL"
    _rewrite_toc(index, schema=pickle.dumps(make_payload(sentinel), 2))
    asked = "posix.system" if make_payload is _touch_command else "__builtin__.getattr"
    for args in COMMANDS:
        res = _untrack(*args, "--index", str(index), cwd=tmp_path)
        assert res.returncode == 2, (args, res.stderr)
        _assert_refused(res.stderr, index, asked)
        assert res.stdout == ""
        res = runner.invoke(app, [*args, "--index", str(index)])
        assert res.exit_code == 2, (args, res.stderr)
        _assert_refused(res.stderr, index, asked)
        assert not sentinel.exists(), args
    # Adding a release to the hostile index (which opens the old generation) is refused the same way.
    res = runner.invoke(app, ["index", "--index", str(index), "-q", "--sample", str(FIXTURES / "csw_panel.txt")])
    assert res.exit_code == 2
    _assert_refused(res.stderr, index, asked)
    assert not sentinel.exists()
    # The remedy the message names works.
    res = runner.invoke(app, ["index", "--rebuild", "--index", str(index), "-q"])
    assert res.exit_code == 0
    assert runner.invoke(app, ["search", "trust", "--index", str(index), "--json"]).exit_code == 0


def test_segment_list_payload_in_toc_never_runs(tmp_path: Path, runner) -> None:
    index = _build(tmp_path / "index")
    sentinel = tmp_path / "SENTINEL"
    _rewrite_toc(index, segments=pickle.dumps([_touch_command(sentinel)], pickle.HIGHEST_PROTOCOL))
    res = _untrack("search", "trust", "--index", str(index), cwd=tmp_path)
    assert res.returncode == 2
    _assert_refused(res.stderr, index, "posix.system")
    res = runner.invoke(app, ["status", "--index", str(index)])
    assert res.exit_code == 2
    _assert_refused(res.stderr, index, "posix.system")
    assert not sentinel.exists()


def test_legacy_toc_format_is_not_a_way_around(tmp_path: Path, runner) -> None:
    """Whoosh reads TOC format -110 with its own unpickler (whoosh.legacy); that is covered too."""
    from whoosh.filedb.structfile import StructFile

    index = _build(tmp_path / "index")
    sentinel = tmp_path / "SENTINEL"
    toc = _toc(index)
    header, schema, ints, segments = _toc_parts(toc.read_bytes())
    f = StructFile(io.BytesIO(header))
    for _ in range(3):
        f.read_varint()
    f.read_int()
    version_at = f.tell()
    payload = pickle.dumps(_touch_command(sentinel), 2)
    from whoosh.util.varints import varint

    legacy = header[:version_at] + (-110).to_bytes(4, "big", signed=True) + header[version_at + 4 :]
    toc.write_bytes(legacy + varint(len(payload)) + payload + ints + segments)
    for args in (["search", "trust"], ["export"]):
        res = _untrack(*args, "--index", str(index), cwd=tmp_path)
        assert res.returncode == 2 and res.stderr.count("\n") == 1, res.stderr
        assert "damaged" in res.stderr and "Traceback" not in res.stderr
        res = runner.invoke(app, [*args, "--index", str(index)])
        assert res.exit_code == 2 and "damaged" in res.stderr
    assert not sentinel.exists()


def test_stored_fields_payload_never_runs_when_hits_are_read(tmp_path: Path, runner) -> None:
    index = _build(tmp_path / "index")
    sentinel = tmp_path / "SENTINEL"
    _poison_stored_fields(index, _touch_command(sentinel))
    for args in COMMANDS:
        if args[0] in ("search", "export"):
            res = _untrack(*args, "--index", str(index), cwd=tmp_path)
            assert res.returncode == 2, (args, res.stderr)
            _assert_refused(res.stderr, index, "posix.system")
        res = runner.invoke(app, [*args, "--index", str(index)])
        assert res.exit_code == 2, (args, res.stderr)
        _assert_refused(res.stderr, index, "posix.system")
        assert not sentinel.exists(), args


DANGEROUS = [
    ("os", "system"),
    ("posix", "system"),
    ("nt", "system"),
    ("os", "popen"),
    ("builtins", "eval"),
    ("builtins", "exec"),
    ("builtins", "compile"),
    ("builtins", "getattr"),
    ("builtins", "__import__"),
    ("builtins", "open"),
    ("__builtin__", "eval"),
    ("__builtin__", "getattr"),
    ("subprocess", "Popen"),
    ("subprocess", "run"),
    ("subprocess", "check_output"),
    ("importlib", "import_module"),
    ("copyreg", "_reconstructor"),
    ("copy_reg", "_reconstructor"),
    ("copyreg", "__newobj__"),
    ("pickle", "loads"),
    ("_pickle", "loads"),
    ("marshal", "loads"),
    ("types", "FunctionType"),
    ("types", "CodeType"),
    ("shutil", "rmtree"),
    ("pathlib", "Path"),
    ("pathlib", "Path.touch"),
    ("io", "open"),
    ("webbrowser", "open"),
    ("whoosh.util.loading", "find_object"),
    ("whoosh.compat", "exec_"),
    ("whoosh.columns", "CompressedBytesColumn"),  # imports a module named by its state
    ("whoosh.index", "open_dir"),
    ("whoosh.filedb.filestore", "FileStorage"),
    ("untrack.cli", "main"),
    ("untrack.index", "IndexStore"),
    ("untrack.index", "__getattr__"),
    ("untrack.index", "os"),
    ("untrack.index", "shutil"),
    ("untrack.index", "RepeatedText.__init__.__globals__"),
    ("re", "_compile.__globals__"),
]


def _global_pickle(module: str, name: str, protocol: int) -> bytes:
    """A pickle that calls module.name('x'): GLOBAL (protocols 0-3) or STACK_GLOBAL (4+)."""
    if protocol < 4:
        return b"c" + f"{module}\n{name}\n".encode() + b"(S'x'\ntR."
    mod, nm = module.encode(), name.encode()
    return (
        pickle.PROTO
        + bytes([protocol])
        + pickle.SHORT_BINUNICODE
        + bytes([len(mod)])
        + mod
        + pickle.SHORT_BINUNICODE
        + bytes([len(nm)])
        + nm
        + pickle.STACK_GLOBAL
        + pickle.SHORT_BINUNICODE
        + b"\x01x"
        + pickle.TUPLE1
        + pickle.REDUCE
        + pickle.STOP
    )


@pytest.mark.parametrize("protocol", [0, 2, 4, 5])
@pytest.mark.parametrize(("module", "name"), DANGEROUS, ids=[f"{m}.{n}" for m, n in DANGEROUS])
def test_dangerous_globals_never_resolve(module: str, name: str, protocol: int) -> None:
    data = _global_pickle(module, name, protocol)
    with pytest.raises(safepickle.ForbiddenGlobal) as refused:
        safepickle.loads(data)
    assert (refused.value.module, refused.value.name) == (module, name)
    # Asked twice: the refusal is not cached into an acceptance.
    with pytest.raises(safepickle.ForbiddenGlobal):
        safepickle.load(io.BytesIO(data))


def test_real_gadgets_are_refused_before_they_run(tmp_path: Path) -> None:
    sentinel = tmp_path / "SENTINEL"
    gadgets = [
        _touch_command(sentinel),
        _touch_path(sentinel),
        _Call(eval, f"open({str(sentinel)!r}, 'w')"),
        _Call(exec, f"open({str(sentinel)!r}, 'w')"),
        _Call(subprocess.Popen, ["touch", str(sentinel)]),
        _Call(pickle.loads, pickle.dumps(_touch_command(sentinel))),
    ]
    for gadget in gadgets:
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            with pytest.raises(safepickle.ForbiddenGlobal):
                safepickle.loads(pickle.dumps(gadget, protocol))
            # Nested in data an index would hold, too.
            with pytest.raises(safepickle.ForbiddenGlobal):
                safepickle.loads(pickle.dumps({"record": {"text": "x", "note": [gadget]}}, protocol))
    assert not sentinel.exists()


@settings(max_examples=300, deadline=None)
@given(
    module=st.sampled_from(sorted({m for m, _ in DANGEROUS} | set(safepickle.ALLOWED))) | st.text(max_size=30),
    name=st.sampled_from(sorted({n for _, n in DANGEROUS} | {n for ns in safepickle.ALLOWED.values() for n in ns}))
    | st.text(max_size=30),
)
def test_only_allow_listed_globals_ever_resolve(module: str, name: str) -> None:
    from _compat_pickle import IMPORT_MAPPING, NAME_MAPPING

    real = NAME_MAPPING.get((module, name), (IMPORT_MAPPING.get(module, module), name))
    allowed = real[1] in safepickle.ALLOWED.get(real[0], ())
    try:
        found = safepickle.SafeUnpickler(io.BytesIO(b"")).find_class(module, name)
    except safepickle.ForbiddenGlobal:
        assert not allowed
    else:
        assert allowed and found is getattr(sys.modules[real[0]], real[1])


def test_allow_list_holds_nothing_that_runs_code() -> None:
    for module, names in safepickle.ALLOWED.items():
        for name in names:
            obj = safepickle.SafeUnpickler(io.BytesIO(b"")).find_class(module, name)
            assert obj not in (eval, exec, getattr, setattr, open, compile, __import__, os.system)
            assert "." not in name


def _same(a: object, b: object) -> bool:
    """Equal state (Whoosh's column types have no __eq__): they pickle to the same bytes."""
    return pickle.dumps(a, 2) == pickle.dumps(b, 2)


def test_schema_and_segments_of_this_untrack_load(tmp_path: Path) -> None:
    """The allow-list covers what this untrack writes: its schema at Whoosh's protocol (2) and
    the highest, and a segment holding deletions (a set)."""
    from whoosh.codec.whoosh3 import W3Codec, W3Segment

    schema = make_schema()
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        data = pickle.dumps(schema, protocol)
        loaded = safepickle.loads(data)
        assert [type(f) for _, f in loaded.items()] == [type(f) for _, f in schema.items()]
        assert _same(loaded, pickle.loads(data))
    seg = W3Segment(W3Codec(), "MAIN")
    seg.set_doc_count(3)
    seg.delete_document(1)
    loaded_seg = safepickle.loads(pickle.dumps([seg], pickle.HIGHEST_PROTOCOL))[0]
    assert loaded_seg.is_deleted(1) and not loaded_seg.is_deleted(0)


def test_normal_index_reads_identically_with_and_without_the_allow_list(tmp_path: Path) -> None:
    index = _build(tmp_path / "index")
    # Everything pickled in the TOC loads the same both ways.
    _, schema, _, segments = _toc_parts(_toc(index).read_bytes())
    assert _same(safepickle.loads(schema), pickle.loads(schema))
    assert _same(safepickle.loads(segments), pickle.loads(segments))
    # And the CLI gives the same output as a run with the allow-list switched off.
    unguarded = (
        "import sys, untrack.safepickle as s; s.install = lambda *a, **k: None; "
        "sys.argv = ['untrack', *sys.argv[1:]]; from untrack.cli import main; main()"
    )
    for args in (["search", "--json", "trust"], ["search", "--json", '"trust fund"'], ["export"], ["status", "--json"]):
        guarded = _untrack(*args, "--index", str(index), cwd=tmp_path)
        plain = subprocess.run(
            [sys.executable, "-c", unguarded, *args, "--index", str(index)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
        assert guarded.returncode == plain.returncode == 0, guarded.stderr
        assert guarded.stdout == plain.stdout and guarded.stdout
    assert jsonl(_untrack("export", "--index", str(index), cwd=tmp_path).stdout)


def test_install_is_idempotent_and_leaves_writing_alone(tmp_path: Path) -> None:
    import whoosh.codec.whoosh3 as w3
    import whoosh.compat
    import whoosh.index as wi

    safepickle.install()
    safepickle.install(tmp_path)
    assert whoosh.compat.loads is safepickle.loads and w3.loads is safepickle.loads
    assert wi.pickle.loads is safepickle.loads and wi.pickle.dumps is pickle.dumps
    assert whoosh.compat.dumps is pickle.dumps and w3.dumps is pickle.dumps
    index = _build(tmp_path / "index")  # writes with real pickling
    assert IndexStore(index).records()


def test_no_whoosh_module_keeps_a_real_pickle_loader(tmp_path: Path, runner) -> None:
    """After indexing and searching in this process, no imported Whoosh module still holds
    pickle's own load/loads/module (the list in untrack.safepickle is complete), except the two that
    read back only the temporary files this process's writer spooled."""
    index = _build(tmp_path / "index")
    assert runner.invoke(app, ["search", "--index", str(index), "--json", "trust fund", "-C", "1"]).exit_code == 0
    assert runner.invoke(app, ["index", "--index", str(index), "-q", str(FIXTURES / "csw_panel.txt")]).exit_code == 0
    assert runner.invoke(app, ["export", "--index", str(index)]).exit_code == 0
    left = [
        f"{name}.{attr}"
        for name, mod in list(sys.modules.items())
        if name.startswith("whoosh") and mod is not None and name not in safepickle._OWN_SPOOLS
        for attr, value in vars(mod).items()
        if value is pickle.loads or value is pickle.load or value is pickle
    ]
    assert left == []


def test_a_build_that_spills_sorted_runs_to_disk_completes(tmp_path: Path, monkeypatch) -> None:
    """A large build spools postings to temporary run files and reads them back: those are the
    writer's own, and reading them must not be refused (a 1,000-release build failed so)."""
    import untrack.index

    monkeypatch.setattr(untrack.index, "WRITER_MB", 1)
    real = sorted((FIXTURES / "real").glob("*.txt"))
    report = IndexStore(tmp_path / "ix").update([Source.of(p) for p in real], rebuild=True)
    assert report.indexed == len(real) and not report.failed
    assert list(IndexStore(tmp_path / "ix").records())
