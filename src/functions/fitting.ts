// The CRS diffusion-fitting custom functions (FIT, FORECAST, REACH): filled in by the fitting work.
export {};
