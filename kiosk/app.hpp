#pragma once

namespace kiosk {

// Parses options, opens the store and content, runs the window loop; returns the exit code.
int run_app(int argc, char** argv);

} // namespace kiosk
