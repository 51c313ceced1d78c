"""Time every `therapy` command against the floor and write docs/performance.md.

    python benchmarks/run.py            # about two minutes on a 2-core machine
    python benchmarks/run.py --runs 5   # a quick look

Each command runs as a user runs it: the installed console script, a fresh process, output to a
pipe. Runs alternate with the floor (benchmarks/floor_app.py: a minimal Typer + Rich app printing
one panel) so that both see the same machine load, and medians are compared. The cache lives in a
temporary folder: each command is run once to warm it before timing. Peak memory is each child
process's maximum resident set size, from os.wait4.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPORT = HERE.parent / "docs" / "performance.md"
FLOOR = [sys.executable, str(HERE / "floor_app.py")]
SCRIPT = Path(sys.executable).parent / "therapy"
THERAPY = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "therapy_cli"]

COMMANDS = [
    ["list"],
    ["show", "psychodynamic"],
    ["show", "STPP", "--section", "effectiveness"],
    ["compare"],
    ["conditions"],
    ["conditions", "depression"],
    ["sessions"],
    ["refs"],
    ["refs", "--format", "bibtex"],
    ["search", "depression"],
    ["crisis"],
    ["find-therapist"],
    ["paths"],
    ["validate"],
    ["--version"],
]
TERMINAL_COMMANDS = [
    ["list"],
    ["show", "psychodynamic"],
    ["compare"],
    ["conditions"],
    ["sessions"],
    ["crisis"],
]
SCALES = [10, 100, 1000]
COMMAND_TARGET = 1.10
FIRST_RUN_TARGET = 1.5
LATER_RUN_TARGET = 1.3
MEMORY_TARGET_MIB = 40


@dataclass
class Sample:
    seconds: float
    peak_mib: float


def run_once(command: Sequence[str], env: dict[str, str]) -> Sample:
    """Run `command` to completion; its wall time and peak memory."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}")
    return Sample(elapsed, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def paired(
    command: Sequence[str], baseline: Sequence[str], runs: int, env: dict[str, str]
) -> tuple[list[Sample], list[Sample]]:
    """Alternate `command` and `baseline`, starting with each in turn."""
    ours: list[Sample] = []
    theirs: list[Sample] = []
    run_once(command, env)  # warm the cache and the file system
    for number in range(runs):
        if number % 2:
            theirs.append(run_once(baseline, env))
            ours.append(run_once(command, env))
        else:
            ours.append(run_once(command, env))
            theirs.append(run_once(baseline, env))
    return ours, theirs


def pair_ratio(ours: Sequence[Sample], theirs: Sequence[Sample]) -> float:
    """The median of each pair's ratio: neighbours in time share the machine's load."""
    return statistics.median(a.seconds / b.seconds for a, b in zip(ours, theirs, strict=True))


def compile_bytecode() -> None:
    """Write the package's .pyc files, as `pip install` does, so no run pays for compiling.

    An editable install under PYTHONDONTWRITEBYTECODE would otherwise compile every module of
    ours from source on every run, which the floor (installed from wheels) never does.
    """
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("therapy_cli")
    if spec is not None and spec.origin is not None:
        compileall.compile_dir(Path(spec.origin).parent, quiet=1)


def median_ms(samples: Sequence[Sample]) -> float:
    return 1000 * statistics.median(s.seconds for s in samples)


def peak(samples: Sequence[Sample]) -> float:
    return max(s.peak_mib for s in samples)


def mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def against_floor(
    commands: list[list[str]], env: dict[str, str], runs: int, options: Sequence[str] = ()
) -> list[str]:
    """One table row per command: its median, the floor's, their ratio and its peak memory."""
    rows = []
    for args in commands:
        ours, floor = paired([*THERAPY, *options, *args], FLOOR, runs, env)
        ratio = pair_ratio(ours, floor)
        rows.append(
            f"| `therapy {' '.join(args)}` | {median_ms(ours):.0f} ms | "
            f"{median_ms(floor):.0f} ms | {ratio:.2f}x | {peak(ours):.1f} MiB | "
            f"{mark(ratio <= COMMAND_TARGET)} |"
        )
        print(rows[-1], flush=True)
    return rows


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="timed runs per command")
    parser.add_argument("--output", type=Path, default=REPORT)
    arguments = parser.parse_args()
    runs = arguments.runs
    compile_bytecode()

    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "THERAPY_CACHE_DIR": str(Path(scratch) / "cache"),
            "XDG_CONFIG_HOME": str(Path(scratch) / "config"),
            "COLUMNS": "100",
        }
        for name in ("NO_COLOR", "FORCE_COLOR", "THERAPY_DATA"):
            env.pop(name, None)
        lines = [
            "# Performance",
            "",
            f"Measured on {date.today().isoformat()}: {machine()}.",
            "Regenerate with `python benchmarks/run.py` (see its docstring for the method).",
            "",
            "## Every command against the floor",
            "",
            f"Floor: `benchmarks/floor_app.py`, a minimal Typer + Rich app printing one panel. "
            f"Medians of {runs} paired, alternating runs; the ratio is the median of the pairs' "
            f"ratios, which cancels most of the machine's background load. Target: at most "
            f"{COMMAND_TARGET:.2f}x the floor.",
            "",
            "| command | median | floor | ratio | peak memory | target met |",
            "| --- | ---: | ---: | ---: | ---: | :---: |",
        ]
        lines += against_floor(COMMANDS, env, runs)

        lines += [
            "",
            "## On a terminal",
            "",
            "The same comparison with colour and decoration forced (`FORCE_COLOR=1`, and "
            "`--no-pager`), as a person at a terminal sees it (the floor draws its panel with "
            "Rich; therapy draws its own output).",
            "",
            "| command | median | floor | ratio | peak memory | target met |",
            "| --- | ---: | ---: | ---: | ---: | :---: |",
        ]
        lines += against_floor(TERMINAL_COMMANDS, {**env, "FORCE_COLOR": "1"}, runs, ["--no-pager"])

        lines += [
            "",
            "## Generated knowledge bases",
            "",
            "`benchmarks/generate.py N` writes N therapies copied from the shipped ones under new "
            "ids; they are read with `--data` on top of the built-in twelve. The command is "
            "`therapy --data FILE list`. First run: the parse cache is empty (median of "
            f"{max(3, runs // 4)} runs, each with a fresh cache). Later runs: cache warm, "
            "compared with the same command on the built-in knowledge base, paired. Targets: "
            f"1,000 therapies first run at most {FIRST_RUN_TARGET} s, later runs at most "
            f"{LATER_RUN_TARGET}x the built-in, peak memory of later runs at most "
            f"{MEMORY_TARGET_MIB} MiB.",
            "",
            "| therapies | file size | first run | first-run peak | later runs | built-in | "
            "ratio | later-run peak | targets met |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
        ]
        for count in SCALES:
            data = Path(scratch) / f"kb-{count}.yaml"
            subprocess.run(
                [sys.executable, str(HERE / "generate.py"), str(count), str(data)], check=True
            )
            command = [*THERAPY, "--data", str(data), "list"]
            first = []
            for number in range(max(3, runs // 4)):
                first_env = {
                    **env,
                    "THERAPY_CACHE_DIR": str(Path(scratch) / f"cold-{count}-{number}"),
                }
                first.append(run_once(command, first_env))
            later, builtin = paired(command, [*THERAPY, "list"], runs, env)
            ratio = pair_ratio(later, builtin)
            met = count != 1000 or (
                median_ms(first) / 1000 <= FIRST_RUN_TARGET
                and ratio <= LATER_RUN_TARGET
                and peak(later) <= MEMORY_TARGET_MIB
            )
            lines.append(
                f"| {count:,} | {data.stat().st_size / 1024:,.0f} KiB | "
                f"{median_ms(first) / 1000:.2f} s | {peak(first):.1f} MiB | "
                f"{median_ms(later):.0f} ms | {median_ms(builtin):.0f} ms | {ratio:.2f}x | "
                f"{peak(later):.1f} MiB | {mark(met)} |"
            )
            print(lines[-1], flush=True)

    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {arguments.output}")


if __name__ == "__main__":
    main()
