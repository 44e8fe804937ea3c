// The GAN module: see its README.md. (Being built.)
