// The Metrics module: see its README.md. (Being built.)
