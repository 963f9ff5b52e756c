"""Shared by the examples: run HessianLab's analyses on an oracle and print a short read-out."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "python"))
import hessianlab  # noqa: E402  (also works when the package is installed: pip install ./python)


def analyse(model, seed: int = 7, covariance_kept: int = 2000) -> dict:
    """rank, spectrum, covariance read-out, LLC bounds and the compare verdict of ``model``."""
    quiet = {"echo_stderr": False}
    results = {}
    rank = results["rank"] = hessianlab.rank(model, method="block", seed=seed, **quiet)
    print(f"rank (block Krylov): {rank['rank']} of d = {rank['dimension']}, threshold τ = {rank['threshold']:.3g}, "
          f"{rank['hessianVectorProducts']} HVPs")
    spectrum = results["spectrum"] = hessianlab.spectrum(model, top=min(5, rank["dimension"]), seed=seed, **quiet)
    print("top eigenvalues:", ", ".join(f"{value:.6g}" for value in spectrum["eigenvalues"]))
    covariance = results["covariance"] = hessianlab.covariance(model, population=10, kept=covariance_kept,
                                                               seed=seed, **quiet)
    codes = ", ".join(warning.get("code", "?") for warning in covariance.get("warnings", []))
    print(f"covariance read-out: rank {covariance['rank']} from {covariance['lossEvaluations']} loss evaluations"
          + (f" (warnings: {codes})" if codes else "")
          + " — the loss-only route resolves small curvatures only with many kept points")
    llc = results["llc"] = hessianlab.llc(model, method="bounds", seed=seed, **quiet)
    print(f"LLC bounds from the rank: {llc['lowerBound']:.6g} ≤ λ ≤ {llc['upperBound']:.6g}")
    # The covariance route is capped low (kept points up to 4d) to keep the example to about a minute.
    compare = results["compare"] = hessianlab.compare(model, method=["block", "lanczos", "covariance"],
                                                      population=10, kept_cap_factor=4, seed=seed, **quiet)
    for verdict in compare.get("verdicts", []):
        print(verdict)
    return results
