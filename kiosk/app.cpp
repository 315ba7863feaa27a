#include "kiosk/app.hpp"

namespace kiosk {

int run_app(int, char**) { return 0; }

} // namespace kiosk
