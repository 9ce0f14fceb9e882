import re
from pathlib import Path

import pytest

from netkit.errors import InputError, ParameterError
from netkit.pipeline.schema import SECTIONS
from netkit.report import config as config_module
from netkit.report.config import ANALYSES, DEFAULTS, ReportConfig, load_config


def documented_example() -> str:
    """The complete configuration documented in netkit.report.config (kept in sync by this test)."""
    doc = config_module.__doc__
    block = doc.split("A complete configuration::", 1)[1]
    lines = [line[4:] for line in block.splitlines()[1:] if line.startswith("    ") or not line]
    return "\n".join(lines).strip() + "\n"


def test_documented_example_is_valid_and_covers_every_key(tmp_path):
    text = documented_example()
    (tmp_path / "data").mkdir()
    path = tmp_path / "report.toml"
    path.write_text(text, encoding="utf-8")
    cfg = load_config(path)
    # the example is generated from the parameter objects: their defaults, not a restatement
    assert cfg.title == "netkit report" and cfg.seed == ReportConfig().seed == 0
    assert cfg.inputs[0].path == tmp_path / "data" / "openalex"  # relative to the config file
    assert cfg.params("diffusion") == DEFAULTS["diffusion"]
    # every key the validator knows is documented in the example
    for section in SECTIONS:
        for key in DEFAULTS[section]:
            assert re.search(rf"^#?\s*{key}\s*=", text, re.M), f"{section}.{key} undocumented"
    for analysis in ANALYSES:
        assert f"{analysis} = true" in text
    # the commented-out examples are valid too
    uncommented = re.sub(r"^# (\[synthetic\]|[a-z_]+ = )", r"\1", text, flags=re.M)
    uncommented = uncommented.replace("[[inputs]]", "[[inputs]]", 1)
    start = uncommented.index("[synthetic]")
    end = uncommented.index("[resolve]")
    without_synthetic = uncommented[:start] + uncommented[end:]
    path.write_text(without_synthetic, encoding="utf-8")
    cfg = load_config(path)
    assert cfg.params("graph")["years"] == [2012, 2023]
    assert cfg.out == tmp_path / "reports" / "ecosystem"


def write(tmp_path, text):
    p = tmp_path / "r.toml"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(("body", "message"), [
    ("[synthetic]\nsize = 'tiny'\n[diffusion]\nrunz = 3\n",
     "unknown key 'diffusion.runz' (did you mean 'diffusion.runs'?)"),
    ("[synthetic]\nsize = 'tiny'\n[diffusion]\nruns = 'many'\n",
     "'diffusion.runs' must be an integer, not 'many'"),
    ("[synthetic]\nsize = 'tiny'\n[diffusion]\nbeta = 2.0\n", "'diffusion.beta' is out of range"),
    ("[synthetic]\nsize = 'huge'\n", "'synthetic.size' must be one of"),
    ("[synthetic]\nsize = 'tiny'\n[analyses]\ndiffusion = 'yes'\n",
     "'analyses.diffusion' must be true or false"),
    ("[synthetic]\nsize = 'tiny'\n[graph]\nyears = [2020, 2010]\n", "'graph.years' must be"),
    ("[synthetic]\nsize = 'tiny'\n[graph]\nkinds = ['memo']\n", "'graph.kinds' must be"),
    ("[[inputs]]\npath = 'x'\nformat = 'nope'\n", "'inputs[0].format' is not a known format"),
    ("[[inputs]]\nformat = 'auto'\n", "'inputs[0]' has no 'path'"),
    ("title = 'x'\n", "no data"),
    ("titel = 'x'\n[synthetic]\n", "unknown key 'titel' (did you mean 'title'?)"),
    ("seed = true\n[synthetic]\n", "'seed' must be an integer, not True"),
    ("[synthetic]\n[before_after]\nyear = 'later'\n", "'before_after.year' must be a year"),
    ("[synthetic]\n[[inputs]]\npath = 'x'\n", "only one of"),
])
def test_errors_name_key_and_file(tmp_path, body, message):
    path = write(tmp_path, body)
    with pytest.raises(InputError) as err:
        load_config(path)
    assert str(err.value).startswith(f"{path}: ")
    assert message in str(err.value)


def test_invalid_toml_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="invalid TOML"):
        load_config(write(tmp_path, "title = \n"))
    with pytest.raises(InputError, match="not found"):
        load_config(tmp_path / "nope.toml")


def test_mapping_errors_are_parameter_errors():
    with pytest.raises(ParameterError, match=r"<mapping>: unknown key 'view\.colour'"):
        ReportConfig.from_mapping({"synthetic": {}, "view": {"colour": "sector"}})


def test_defaults_and_to_dict():
    cfg = ReportConfig.from_mapping({"synthetic": {"size": "tiny"}, "view": {"max_nodes": 10}})
    assert cfg.params("view") == {**DEFAULTS["view"], "max_nodes": 10}
    assert cfg.synthetic == {"seed": 1, "size": "tiny", "intervention": True}
    d = cfg.to_dict()
    assert d["analyses"] == dict.fromkeys(ANALYSES, True)
    assert d["view"]["max_nodes"] == 10 and d["resolve"]["enabled"] == "auto"


def test_in_memory_corpus(tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    cfg = ReportConfig.from_mapping({"title": "x"}, corpus=corpus)
    assert cfg.corpus is corpus and cfg.to_dict()["corpus"] == "in memory"


def test_paths_relative_to_config(tmp_path):
    sub = tmp_path / "conf"
    sub.mkdir()
    p = sub / "r.toml"
    p.write_text("out = '../out'\n[[inputs]]\npath = 'data.jsonl'\n[resolve]\n"
                 "overrides = 'o.csv'\n", encoding="utf-8")
    cfg = load_config(p)
    assert cfg.out == tmp_path / "out"
    assert cfg.inputs[0].path == sub / "data.jsonl"
    assert Path(cfg.params("resolve")["overrides"]) == sub / "o.csv"


def test_sample_config_of_scripts_is_valid():
    root = Path(__file__).resolve().parents[2]
    cfg = load_config(root / "scripts" / "report.toml")
    assert cfg.out == root / "reports" / "sample"
    assert [i.path.name for i in cfg.inputs] == ["openalex", "wos", "scopus", "uspto",
                                                 "patentsview", "cordis"]
    for spec in cfg.inputs:
        assert spec.path.is_dir(), spec.path
    assert all(cfg.enabled(a) for a in ANALYSES)
