// FFTW 3 (double precision). <complex.h> is not included first, so fftw_complex is double[2],
// which Swift imports as a (Double, Double) tuple.
#include <fftw3.h>
