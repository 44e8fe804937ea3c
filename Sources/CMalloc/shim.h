// glibc's allocator controls (mallopt), which Swift's Glibc module leaves out; see AllocatorTuning
// in the ganscope target.
#include <malloc.h>
