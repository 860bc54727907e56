"""The benchmark: `python -m benchmarks.run [--sizes 1000 10000 100000]` (or `make bench`).

For each corpus size it generates the synthetic corpus (`benchmarks.corpus`), times a
cold `claimcheck run` (empty cache, local cores), a warm re-run (everything cached) and a
re-run after adding one document, with the peak memory of each, and scans the corpus with
a bare `re.finditer`. One-core extraction and quantulum3 are measured once on a sample
(the first documents are the same in every size) and extrapolated to each size. Checks
are timed over a claims table of `--checks-claims` rows. Figures go to the console, to
`benchmarks/results.json` and to the plot `benchmarks/time_vs_size.png`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
from pathlib import Path

from benchmarks import measure
from benchmarks.corpus import document, write_corpus

HERE = Path(__file__).resolve().parent


def machine() -> dict:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    ) if Path("/proc/cpuinfo").exists() else platform.processor()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(memory, 1),
            "python": platform.python_version(), "commit": commit}


def bench_size(size: int, work: Path, jobs: int) -> dict:
    corpus = write_corpus(work / f"corpus-{size}", size)
    cache = work / f"cache-{size}"
    shutil.rmtree(cache, ignore_errors=True)
    report = work / f"report-{size}.md"
    files = measure.corpus_files(corpus)
    args = [str(corpus), "--report", str(report), "--cache-dir", str(cache), "--jobs", str(jobs)]
    bare, _ = measure.bare_scan_rate(files)
    cold = measure.claimcheck_run(args)
    print(f"  {size:>7} docs: cold run {cold.seconds:8.1f} s, peak {cold.peak_mb:7.0f} MB  ({cold.last_line})")
    warm = measure.claimcheck_run(args)
    print(f"  {size:>7} docs: warm run {warm.seconds:8.1f} s, peak {warm.peak_mb:7.0f} MB")
    name, text = document(size)
    extra = corpus / name
    extra.write_text(text, encoding="utf-8")
    try:
        plus_one = measure.claimcheck_run(args)
    finally:
        extra.unlink()
    print(f"  {size:>7} docs: +1 doc   {plus_one.seconds:8.1f} s, peak {plus_one.peak_mb:7.0f} MB")
    return {
        "documents": size,
        "megabytes": measure.megabytes(files),
        "bare_scan_s": bare.seconds,
        "bare_scan_mb_s": bare.mb_per_s,
        "cold_run_s": cold.seconds,
        "cold_run_peak_mb": cold.peak_mb,
        "cold_run_status": cold.status,
        "warm_run_s": warm.seconds,
        "warm_run_peak_mb": warm.peak_mb,
        "plus_one_run_s": plus_one.seconds,
        "plus_one_peak_mb": plus_one.peak_mb,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--work", default=".claimcheck/bench", help="corpora and caches (default: .claimcheck/bench)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--extract-sample", type=int, default=1000, help="documents for the one-core rate")
    parser.add_argument("--quantulum-sample", type=int, default=200, help="documents for quantulum3's rate")
    parser.add_argument("--checks-claims", type=int, default=1_000_000)
    parser.add_argument("--output", default=str(HERE / "results.json"))
    parser.add_argument("--plot", default=str(HERE / "time_vs_size.png"))
    args = parser.parse_args(argv)
    work = Path(args.work)
    sample_dir = write_corpus(work / f"corpus-{args.extract_sample}", args.extract_sample)
    results: dict = {"machine": machine(), "jobs": args.jobs, "sizes": []}
    print(f"machine: {results['machine']}")
    print(f"bytecode: compiled under {measure.compile_bytecode()}, as an installed package has it")

    extraction, claims = measure.extraction_rate(measure.corpus_files(sample_dir))
    bare, money = measure.bare_scan_rate(measure.corpus_files(sample_dir))
    results["extraction"] = {"documents": extraction.documents, "megabytes": extraction.megabytes,
                             "seconds": extraction.seconds, "mb_s": extraction.mb_per_s,
                             "docs_s": extraction.docs_per_s, "claims": claims}
    results["bare_scan"] = {"mb_s": bare.mb_per_s, "docs_s": bare.docs_per_s, "matches": money}
    q_files = measure.corpus_files(sample_dir, args.quantulum_sample)
    quantulum = measure.quantulum_rate(q_files)
    if quantulum:
        q_rate, quantities = quantulum
        results["quantulum3"] = {"documents": q_rate.documents, "mb_s": q_rate.mb_per_s,
                                 "docs_s": q_rate.docs_per_s, "quantities": quantities}
    print(f"one core, {extraction.documents} docs ({extraction.megabytes:.1f} MB):")
    print(f"  claimcheck extraction {extraction.mb_per_s:9.3f} MB/s {extraction.docs_per_s:9.1f} docs/s "
          f"({claims} claims)")
    print(f"  bare re.finditer scan {bare.mb_per_s:9.3f} MB/s {bare.docs_per_s:9.1f} docs/s ({money} matches)")
    if quantulum:
        print(f"  quantulum3 ({q_rate.documents} docs) {q_rate.mb_per_s:9.3f} MB/s {q_rate.docs_per_s:9.1f} docs/s")
        print(f"  ratio: claimcheck is {extraction.mb_per_s / q_rate.mb_per_s:.1f}x quantulum3 (target >= 300x)")
    else:
        print("  quantulum3 not installed: pip install -e '.[bench]'")
    print(f"  ratio: the bare scan is {bare.mb_per_s / extraction.mb_per_s:.0f}x claimcheck (target <= 30x)")

    seconds, rows, rules = measure.checks_over(args.checks_claims, sample_dir)
    results["checks"] = {"claims": rows, "rules": rules, "seconds": seconds}
    print(f"checks: {rules} rules over {rows:,} claims in {seconds:.2f} s (target < 5 s)")

    print(f"claimcheck run, {args.jobs} processes:")
    for size in args.sizes:
        results["sizes"].append(bench_size(size, work, args.jobs))
        Path(args.output).write_text(json.dumps(results, indent=2))
    Path(args.output).write_text(json.dumps(results, indent=2))
    from benchmarks.plot import plot

    plot(results, Path(args.plot))
    print(f"results: {args.output}; plot: {args.plot}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
