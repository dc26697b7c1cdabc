# The peers' prediction bounds on the real-series corpus, for the rolling-origin benchmark
# (bench/realSeries.ts reads the output, peers.csv; `npm test` and `npm run bench` never run R).
#
# Install R and the forecast package (Debian or Ubuntu):
#   apt-get install -y --no-install-recommends r-base-core r-cran-forecast
# Run from the repository's root:
#   Rscript bench/realSeries/peers.R
#
# For each series and each origin (the first round(f * n) counts for f = 0.3, 0.5, 0.7, halves
# rounded up as the product's benchmark rounds them, so that both forecast from the same count; at
# least 6 of them and at least one left to forecast) it fits R forecast's ets() (automatic exponential
# smoothing state space model, by AICc) and a random walk with drift (rwf(drift = TRUE)) to the
# counts up to the origin, taken as equally spaced, and writes their 80% and 95% bounds for every
# later count, `steps` counts ahead.
suppressPackageStartupMessages(library(forecast))
files <- sort(list.files("bench/realSeries/series", pattern = "\\.csv$", full.names = TRUE))
rows <- list()
for (path in files) {
  data <- read.csv(path)
  n <- nrow(data)
  for (fraction in c(0.3, 0.5, 0.7)) {
    fitted <- floor(fraction * n + 0.5)
    if (fitted < 6 || fitted >= n) next
    history <- ts(data$count[1:fitted])
    h <- n - fitted
    models <- list(
      ets = forecast(ets(history), h = h, level = c(80, 95)),
      rwdrift = rwf(history, drift = TRUE, h = h, level = c(80, 95))
    )
    for (method in names(models)) {
      f <- models[[method]]
      rows[[length(rows) + 1]] <- data.frame(
        series = basename(path), fraction = fraction, steps = seq_len(h), method = method,
        lower80 = signif(as.numeric(f$lower[, 1]), 7), upper80 = signif(as.numeric(f$upper[, 1]), 7),
        lower95 = signif(as.numeric(f$lower[, 2]), 7), upper95 = signif(as.numeric(f$upper[, 2]), 7)
      )
    }
  }
}
out <- do.call(rbind, rows)
write.csv(out, "bench/realSeries/peers.csv", row.names = FALSE, quote = FALSE)
cat(sprintf("R %s, forecast %s: %d rows\n", getRversion(), packageVersion("forecast"), nrow(out)))
