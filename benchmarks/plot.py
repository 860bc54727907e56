"""The plot of RESULTS.md: time against corpus size, measured where measured and extrapolated (dashed) elsewhere."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def plot(results: dict, out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [s["documents"] for s in results["sizes"]]
    mb = [s["megabytes"] for s in results["sizes"]]
    if not sizes:
        return
    fig, ax = plt.subplots(figsize=(8, 5))
    ax.plot(sizes, [s["cold_run_s"] for s in results["sizes"]], "o-",
            label=f"claimcheck run, cold ({results['jobs']} processes)")
    ax.plot(sizes, [s["warm_run_s"] for s in results["sizes"]], "s-", label="claimcheck run, all cached")
    ax.plot(sizes, [s["plus_one_run_s"] for s in results["sizes"]], "^-", label="claimcheck run, one document added")
    one_core = results["extraction"]["mb_s"]
    ax.plot(sizes, [m / one_core for m in mb], "o--", label="claimcheck extraction, one core (from a sample)")
    if "quantulum3" in results:
        rate = results["quantulum3"]["mb_s"]
        ax.plot(sizes, [m / rate for m in mb], "x--",
                label=f"quantulum3, one core (extrapolated from {results['quantulum3']['documents']} docs)")
    ax.plot(sizes, [s["bare_scan_s"] for s in results["sizes"]], "d-", label="bare re.finditer money scan")
    ax.axhline(60, color="grey", linestyle=":", linewidth=1)
    ax.text(sizes[0], 66, "60 s target (100k docs)", color="grey", fontsize=8)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("documents (~3.6 KB each)")
    ax.set_ylabel("seconds")
    ax.set_title(f"claimcheck at commit {results['machine']['commit']} on {results['machine']['cores']} cores")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


if __name__ == "__main__":
    source = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "results.json")
    plot(json.loads(source.read_text()), source.with_name("time_vs_size.png"))
