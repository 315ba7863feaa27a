#pragma once
// A tour's steps in the real window (kiosk/tour.hpp): write what the step drew, then resize the
// window and open the next step's screen in its language.
#include "kiosk/tour.hpp"

struct GLFWwindow;

namespace kiosk {

class App;

// Called when a step's frames are drawn (before the buffers swap): writes the current step's text
// dump (and PNG), then sets up the next step. False when the tour is over or a file could not be
// written (then `rc` is 1 and the message is on stderr).
bool tour_advance(Tour& tour, App& app, GLFWwindow* window, int fb_width, int fb_height, int& rc);

} // namespace kiosk
