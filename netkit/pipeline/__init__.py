"""The steps users run, between the commands/report and the library layers.

Each step has one frozen parameter object that owns its choices, defaults and
validation (:mod:`netkit.pipeline.params`), and a step function that returns
typed results; ``netkit`` commands and report sections call the same steps and
only present what they return. argparse options
(:mod:`netkit.pipeline.cli_options`), the report's TOML schema and the README's
configuration reference (:mod:`netkit.pipeline.schema`) are generated from the
parameter objects.

==========  ===================  =========================================
step        parameters           function
==========  ===================  =========================================
load        InputParams,         load_inputs, load_synthetic, load_corpus,
            SyntheticParams      read_input, is_corpus_folder
resolve     ResolveParams        run_resolve
graph       GraphParams          build_graph
structure   StructureParams,     run_structure, node_centrality,
            BrokerageParams      network_overview, sector_mixing, brokers
diffusion   DiffusionParams      run_diffusion
dynamics    DynamicsParams,      run_dynamics
            MobilityParams,
            RegionsParams
compare     CompareParams        run_compare
view        ViewParams           read_view_input, view_sizes
==========  ===================  =========================================
"""

from netkit.pipeline.compare import CompareParams, CompareResult, run_compare
from netkit.pipeline.diffusion import DiffusionOutcome, DiffusionParams, run_diffusion
from netkit.pipeline.dynamics import (
    DynamicsParams,
    DynamicsResult,
    MobilityParams,
    RegionsParams,
    run_dynamics,
)
from netkit.pipeline.graph import GraphParams, GraphResult, build_graph
from netkit.pipeline.load import (
    InputParams,
    SyntheticParams,
    is_corpus_folder,
    load_corpus,
    load_inputs,
    load_synthetic,
    read_input,
)
from netkit.pipeline.resolve import ResolveParams, run_resolve
from netkit.pipeline.structure import (
    BrokerageParams,
    StructureParams,
    StructureResult,
    node_centrality,
    run_structure,
)
from netkit.pipeline.view import ViewParams, read_view_input, view_sizes

__all__ = [
    "BrokerageParams", "CompareParams", "CompareResult", "DiffusionOutcome", "DiffusionParams",
    "DynamicsParams", "DynamicsResult", "GraphParams", "GraphResult", "InputParams",
    "MobilityParams",
    "RegionsParams", "ResolveParams", "StructureParams", "StructureResult", "SyntheticParams",
    "ViewParams", "build_graph", "is_corpus_folder", "load_corpus", "load_inputs",
    "load_synthetic", "node_centrality",
    "read_input", "read_view_input", "run_compare", "run_diffusion", "run_dynamics",
    "run_resolve", "run_structure", "view_sizes",
]
