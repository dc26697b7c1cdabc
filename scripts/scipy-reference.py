#!/usr/bin/env python3
"""Reference fits for CRS.FIT: data sets and scipy.optimize.curve_fit results.

Generates the data sets the fitting tests use (from a fixed seed, so the output is the same on
every run) and fits each of the three diffusion models to each of them with
scipy.optimize.curve_fit, giving scipy every chance: many starting points (including the true
parameters where the model generated the data), both the bounded trust-region method ("trf",
with the same positivity bounds as CRS.FIT) and unbounded Levenberg-Marquardt ("lm", keeping
only solutions inside the bounds), tight tolerances and a large maxfev. The best (lowest SSE)
admissible solution is recorded with sqrt(diag(pcov)), pcov being curve_fit's covariance with
absolute_sigma=False, i.e. SSE/(n - k) * inv(J'J). A single default call of curve_fit (one
simple p0, default settings) is recorded too, to show where plain scipy fails to converge.

Writes test/fixtures/scipy-reference.json. Usage: python3 scripts/scipy-reference.py
With --time MODEL FILE it instead times one plain curve_fit call on the data in FILE (JSON with
"times", "values" and a starting point "p0") and prints the median milliseconds per fit (used by
`npm run bench`).
"""

import json
import math
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import OptimizeWarning, curve_fit
from scipy.stats import t as student_t

SEED = 20050815
OUTPUT = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "scipy-reference.json"


# The models, with the same parameterisation as src/model/diffusion.ts.
def bass(t, p, q, m):
    e = np.exp(-(p + q) * t)
    return m * (1 - e) / (1 + (q / p) * e)


def logistic(t, m, rate, midpoint):
    return m / (1 + np.exp(-rate * (t - midpoint)))


def gompertz(t, m, a, b):
    return m * np.exp(-a * np.exp(-b * t))


MODELS = {
    # name: (function, parameter names, index of m, lower bounds, upper bounds)
    "bass": (bass, ["p", "q", "m"], 2, [1e-12, 0.0, 1e-12], [np.inf, np.inf, np.inf]),
    "logistic": (logistic, ["m", "rate", "midpoint"], 0, [1e-12, 1e-12, -np.inf], [np.inf, np.inf, np.inf]),
    "gompertz": (gompertz, ["m", "a", "b"], 0, [1e-12, 1e-12, 1e-12], [np.inf, np.inf, np.inf]),
}


def make_datasets():
    """The data sets: synthetic from known parameters with noise, short and long."""
    rng = np.random.default_rng(SEED)
    sets = []

    def add(name, note, model, params, times, noise, kind="relative", market_known=False):
        times = np.asarray(times, dtype=float)
        truth = MODELS[model][0](times, *params)
        if kind == "relative":
            values = truth * (1 + noise * rng.standard_normal(len(times)))
        elif kind == "additive":
            values = truth + noise * rng.standard_normal(len(times))
        elif kind == "increments":
            # Noisy adoption per period, accumulated: the counts a register would hold.
            order = np.argsort(times)
            increments = np.diff(np.concatenate([[0.0], truth[order]]))
            noisy = np.maximum(increments * (1 + noise * rng.standard_normal(len(times))), 0)
            values = np.empty(len(times))
            values[order] = np.cumsum(noisy)
        else:
            raise ValueError(kind)
        values = np.maximum(np.round(values, 3), 0)
        sets.append(
            {
                "name": name,
                "note": note,
                "generator": {"model": model, "parameters": list(params), "noise": noise, "kind": kind},
                "times": [float(t) for t in times],
                "values": [float(v) for v in values],
                "marketKnown": market_known,
            }
        )

    months = np.arange(1, 121)
    # Long series: 120 monthly points.
    add("long-bass-gp", "120 months, Bass, 1% noise", "bass", (0.008, 0.35, 32000), months, 0.01, market_known=True)
    add("long-bass-slow", "120 months, Bass with weak imitation, 2% noise", "bass", (0.03, 0.1, 8000), months, 0.02)
    add("long-bass-national", "120 months, Bass, a million adopters, noisy monthly increments", "bass", (0.002, 0.12, 1e6), months, 0.15, "increments")
    add("long-bass-concave", "120 months, Bass with innovation only (concave)", "bass", (0.05, 0.0, 20000), months, 0.01)
    add("long-logistic", "120 months, logistic, 1.5% noise", "logistic", (35000, 0.12, 40), months, 0.015, market_known=True)
    add("long-logistic-small", "120 months, logistic, 600 sites, additive noise", "logistic", (600, 0.25, 20), months, 5.0, "additive")
    add("long-logistic-early", "120 months, logistic still below its midpoint at the end", "logistic", (40000, 0.05, 110), months, 0.01)
    add("long-gompertz", "120 months, Gompertz, 1% noise", "gompertz", (30000, 6.0, 0.06), months, 0.01, market_known=True)
    add("long-gompertz-small", "120 months, Gompertz, 150 practices, 3% noise", "gompertz", (150, 3.0, 0.03), months, 0.03)
    add("long-logistic-increments", "120 months, logistic, noisy monthly increments", "logistic", (12000, 0.09, 55), months, 0.2, "increments")
    # Short series: 5 to 8 points.
    add("short-bass-quarterly", "5 quarterly points, Bass, 2% noise", "bass", (0.01, 0.4, 35000), [3, 6, 9, 12, 15], 0.02, market_known=True)
    add("short-bass-monthly", "8 monthly points, Bass, 3% noise", "bass", (0.05, 0.6, 5000), np.arange(1, 9), 0.03)
    add("short-logistic", "6 points, logistic, 2% noise", "logistic", (18000, 1.1, 2.5), np.arange(0, 6), 0.02, market_known=True)
    add("short-logistic-noisy", "7 points, logistic, 5% noise", "logistic", (9000, 0.45, 8), np.arange(2, 16, 2), 0.05)
    add("short-gompertz", "6 points, Gompertz, 2% noise", "gompertz", (20000, 5.0, 0.5), np.arange(1, 7), 0.02, market_known=True)
    add("short-gompertz-noisy", "8 points, Gompertz, 4% noise", "gompertz", (4000, 4.0, 0.35), np.arange(0, 8), 0.04)
    # Medium series and awkward shapes.
    add("bass-uneven-times", "30 points at uneven times, Bass", "bass", (0.01, 0.5, 20000), np.sort(rng.uniform(0.5, 24, 30)), 0.02)
    add("logistic-repeated-times", "24 points, two counts per month, logistic", "logistic", (10000, 0.5, 6), np.repeat(np.arange(1, 13), 2), 0.03)
    add("gompertz-late-start", "48 months counted from month 100, Gompertz", "gompertz", (25000, math.exp(0.1 * 125), 0.1), np.arange(100, 148), 0.01)
    add("bass-very-noisy", "60 months, Bass, 10% noise", "bass", (0.01, 0.25, 15000), np.arange(1, 61), 0.10)
    add("logistic-large", "36 months, logistic, five million adopters", "logistic", (5e6, 0.3, 18), np.arange(1, 37), 0.01)
    add("bass-late-data", "24 months of data starting at month 12, Bass", "bass", (0.004, 0.45, 30000), np.arange(12, 36), 0.02)
    add("choose-and-book-sites", "30 months, logistic, a few hundred NHS sites", "logistic", (300, 0.3, 12), np.arange(1, 31), 0.04, market_known=True)
    # Anchored on the article's two GP counts (3,500 at the end of June 2005 and 18,981 at the
    # beginning of August, 1.05 months later) with an assumed 35,000 GPs, months counted from the
    # end of March 2005: the article alone gives only two points, too few for a three-parameter
    # fit, so the months around them are synthetic.
    rate = math.log((18981 / (35000 - 18981)) / (3500 / (35000 - 3500))) / 1.05
    midpoint = 3 - math.log(3500 / (35000 - 3500)) / rate
    add("article-anchored-gps", "monthly GP registrations on a logistic through the article's two counts (35,000 GPs assumed)", "logistic", (35000, rate, midpoint), np.arange(0, 12), 0.02, market_known=True)
    add("gompertz-increments", "30 months, Gompertz, noisy monthly increments", "gompertz", (9000, 7.0, 0.2), np.arange(1, 31), 0.1, "increments")
    return sets


def start_points(model, times, values, generator, market):
    """Many starting points for scipy: the truth (when this model made the data) and a grid."""
    t = np.asarray(times)
    y = np.asarray(values)
    top = max(float(np.max(y)), 1e-9)
    span = float(np.max(t) - np.min(t)) or 1.0
    horizon = float(np.max(t)) or 1.0
    first = float(np.min(t))
    starts = []
    if generator["model"] == model:
        starts.append(list(generator["parameters"]))
    markets = [market] if market is not None else [top * f for f in (1.05, 1.3, 2.0, 4.0)]
    for m in markets:
        if model == "bass":
            for s in (1.0, 3.0, 10.0):
                for ratio in (0.3, 3.0, 30.0):
                    rate = s / horizon
                    starts.append([rate / (1 + ratio), rate * ratio / (1 + ratio), m])
        elif model == "logistic":
            for multiple in (2.0, 6.0, 20.0):
                for where in (0.0, 0.5, 1.0, 2.0):
                    starts.append([m, multiple / span, first + where * span])
        else:
            for multiple in (2.0, 6.0, 20.0):
                for where in (0.0, 0.5, 1.0, 2.0):
                    b = multiple / span
                    starts.append([m, math.exp(min(b * (first + where * span), 700)), b])
    return starts


def admissible(model, params):
    _, _, _, lower, _ = MODELS[model]
    return all(np.isfinite(params)) and all(p >= lo for p, lo in zip(params, lower))


def fit_model(model, times, values, generator, market=None):
    """The best admissible curve_fit over all starts and both methods, and a plain default call."""
    function, names, market_index, lower, upper = MODELS[model]
    t = np.asarray(times, dtype=float)
    y = np.asarray(values, dtype=float)
    free = [j for j in range(3) if market is None or j != market_index]

    def full(params_free):
        params = [0.0, 0.0, 0.0]
        for j, value in zip(free, params_free):
            params[j] = value
        if market is not None:
            params[market_index] = market
        return params

    def f(tt, *params_free):
        with np.errstate(all="ignore"):
            return function(tt, *full(params_free))

    best = None
    best_pcov = None
    attempts = 0
    converged = 0
    for start in start_points(model, times, values, generator, market):
        p0 = [start[j] for j in free]
        for method in ("trf", "lm"):
            attempts += 1
            kwargs = dict(p0=p0, maxfev=100000, ftol=1e-14, xtol=1e-14, gtol=1e-14)
            if method == "trf":
                kwargs["bounds"] = ([lower[j] for j in free], [upper[j] for j in free])
                kwargs["method"] = "trf"
                p0_clipped = [min(max(v, lower[j] * 2 if lower[j] > 0 else lower[j]), upper[j]) for v, j in zip(p0, free)]
                kwargs["p0"] = p0_clipped
            else:
                kwargs["method"] = "lm"
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    popt, pcov = curve_fit(f, t, y, **kwargs)
            except (RuntimeError, ValueError, OptimizeWarning, FloatingPointError):
                continue
            params = full(list(popt))
            if not admissible(model, params):
                continue
            with np.errstate(all="ignore"):
                residuals = y - function(t, *params)
            sse = float(np.sum(residuals**2))
            if not math.isfinite(sse):
                continue
            converged += 1
            if best is None or sse < best["sse"]:
                se_free = np.sqrt(np.diag(pcov)) if np.all(np.isfinite(pcov)) else None
                best_pcov = pcov
                se = [0.0, 0.0, 0.0]
                if se_free is not None:
                    for j, value in zip(free, se_free):
                        se[j] = float(value)
                best = {
                    "sse": sse,
                    "parameters": [float(v) for v in params],
                    "standardErrors": se if se_free is not None else None,
                    "method": method,
                }
    # Plain curve_fit: one simple p0 (market 1.5 x the largest value, middling shape), defaults.
    top = float(np.max(y))
    span = float(np.max(t) - np.min(t)) or 1.0
    simple = {
        "bass": [0.01, 0.3, 1.5 * top],
        "logistic": [1.5 * top, 4.0 / span, float(np.mean(t))],
        "gompertz": [1.5 * top, 5.0, 4.0 / span],
    }[model]
    default = {"converged": False}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            popt, _ = curve_fit(f, t, y, p0=[simple[j] for j in free])
        params = full(list(popt))
        with np.errstate(all="ignore"):
            sse = float(np.sum((y - function(t, *params)) ** 2))
        default = {"converged": bool(math.isfinite(sse) and admissible(model, params)), "sse": sse if math.isfinite(sse) else None}
    except (RuntimeError, ValueError, OptimizeWarning) as error:
        default = {"converged": False, "error": str(error).splitlines()[0]}
    if best is not None and default.get("sse") is not None:
        default["reachedBest"] = bool(default["converged"] and default["sse"] <= best["sse"] * (1 + 1e-6))
    if best is not None and best["standardErrors"] is not None:
        best["forecast"] = forecast(model, t, y, best["parameters"], best_pcov, free)
    return {
        "model": model,
        "market": market,
        "attempts": attempts,
        "converged": converged,
        "best": best,
        "default": default,
    }


def student_t_quantiles():
    """scipy.stats.t.ppf over degrees of freedom and probabilities, for the quantile tests."""
    rows = []
    for dof in (1, 2, 3, 4, 5, 7, 10, 15, 30, 60, 117, 1000, 9997):
        for probability in (1e-6, 0.001, 0.025, 0.1, 0.4, 0.5, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 0.9995, 0.999999):
            rows.append({"dof": dof, "probability": probability, "quantile": float(student_t.ppf(probability, dof))})
    return rows


def forecast(model, t, y, params, pcov, free, confidence=0.95):
    """95% prediction bounds at a few new times: delta method with a numerical gradient plus sigma^2."""
    function = MODELS[model][0]
    n = len(t)
    k = len(free)
    sse = float(np.sum((y - function(t, *params)) ** 2))
    variance = sse / (n - k)
    span = float(np.max(t) - np.min(t))
    new_times = [float(np.min(t)), float(np.max(t)) + span / 4, float(np.max(t)) + span]
    quantile = float(student_t.ppf((1 + confidence) / 2, n - k))
    rows = []
    for when in new_times:
        gradient = []
        for j in free:
            step = 1e-6 * max(abs(params[j]), 1e-8)
            up = list(params)
            down = list(params)
            up[j] += step
            down[j] -= step
            gradient.append((function(when, *up) - function(when, *down)) / (2 * step))
        gradient = np.asarray(gradient)
        value = float(function(when, *params))
        spread = quantile * math.sqrt(float(gradient @ pcov @ gradient) + variance)
        rows.append({"time": when, "value": value, "lower": value - spread, "upper": value + spread})
    return rows


def reference():
    sets = make_datasets()
    for data in sets:
        fits = []
        for model in MODELS:
            fits.append(fit_model(model, data["times"], data["values"], data["generator"]))
        if data["marketKnown"]:
            generator = data["generator"]
            market = generator["parameters"][MODELS[generator["model"]][2]]
            for model in MODELS:
                fits.append(fit_model(model, data["times"], data["values"], generator, market))
        data["fits"] = fits
    return {
        "about": "Generated by scripts/scipy-reference.py; do not edit by hand.",
        "seed": SEED,
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "studentT": student_t_quantiles(),
        "datasets": sets,
    }


def time_fits(model, path, repeats=21):
    """Median milliseconds of one plain curve_fit call (default method, p0 given) on the data in path."""
    data = json.loads(Path(path).read_text())
    t = np.asarray(data["times"], dtype=float)
    y = np.asarray(data["values"], dtype=float)
    function = MODELS[model][0]
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            curve_fit(function, t, y, p0=data["p0"], maxfev=100000)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    print(json.dumps({"model": model, "ms": samples[len(samples) // 2]}))


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "--time":
        time_fits(sys.argv[2], sys.argv[3])
    else:
        result = reference()
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        OUTPUT.write_text(json.dumps(result, indent=1) + "\n")
        fits = [fit for data in result["datasets"] for fit in data["fits"]]
        failed = sum(1 for fit in fits if fit["best"] is None)
        default_failed = sum(1 for fit in fits if not fit["default"]["converged"])
        default_missed = sum(1 for fit in fits if fit["default"]["converged"] and not fit["default"].get("reachedBest"))
        print(
            f"{len(result['datasets'])} data sets, {len(fits)} fits; no admissible scipy fit in {failed}; "
            f"plain curve_fit failed in {default_failed} and stopped above the best SSE in {default_missed}."
        )
        print(f"Wrote {OUTPUT}")
