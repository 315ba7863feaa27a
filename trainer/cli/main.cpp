// Thin entry point: the commands live in cmd_*.cpp, the rules in trainer_core.
#include "trainer/cli/cli.hpp"

#include <iostream>

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    trainer::cli::Io io{std::cin, std::cout, std::cerr};
    const int rc = trainer::cli::run({argv + 1, argv + argc}, io);
    std::cout.flush();
    return rc;
}
