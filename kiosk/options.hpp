#pragma once
// Command-line options of the kiosk executable.
#include "kiosk/tour.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct Options {
    std::filesystem::path db;
    std::filesystem::path content;
    std::filesystem::path assets;
    std::string lang = "en";
    bool lang_given = false; // --lang was on the command line (a scripted sign-in keeps it)
    bool fullscreen = false; // kiosk mode: full screen, idle logout
    bool desk = false;       // compact always-on-top lookup window
    float scale = 1.0f;
    int width = 1280, height = 800;
    int frames = 0;          // > 0: render this many frames, then exit
    std::filesystem::path screenshot;
    std::filesystem::path dump_text; // write what the last frame drew (kiosk/text_dump.hpp)
    std::string open_deck;   // start on this deck's first card (screenshots, demos)
    bool flip = false;       // with open_deck: show the back of the card
    int idle_seconds = 0;    // 0: 90 s in --fullscreen (shared kiosk), 15 min otherwise
    bool pass_fail = false;  // two grade buttons (Again / Good) instead of four
    int new_per_day = 10;    // new standards introduced per person per day
    std::string search;      // start with this text in the search field (screenshots, demos)
    std::string login_as;    // start on the PIN step for this person (screenshots, demos)
    bool pin_stdin = false;  // with login_as: read the PIN from stdin and sign in through the keypad's path
    std::string open;        // after that sign-in, open a screen: "tracks", "module:ID", "dashboard", ...
    TourPlan tour;           // --tour DIR: many screens, languages and sizes in one start (kiosk/tour.hpp)
};

// Parses argv; on a mistake returns the message to print (and the caller exits 2).
std::optional<std::string> parse_options(const std::vector<std::string>& args, Options& out);
std::string usage();

} // namespace kiosk
