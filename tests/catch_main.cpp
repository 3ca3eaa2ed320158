// The one main() shared by every formpipe test binary.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
