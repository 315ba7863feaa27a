// Thin entry point: parse the command line, hand over to the app.
#include "kiosk/app.hpp"

int main(int argc, char** argv) { return kiosk::run_app(argc, argv); }
