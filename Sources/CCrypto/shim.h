// OpenSSL's libcrypto, for SHA-256 of checkpoint files (the digest named in image markings).
#include <openssl/sha.h>
