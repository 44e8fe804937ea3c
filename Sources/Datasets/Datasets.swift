// The Datasets module: see its README.md. (Being built.)
