#pragma once
// PINs: 4–8 digits, stored only as Argon2id strings (libsodium crypto_pwhash_str). Hashing and
// verifying are slow on purpose (tens to hundreds of ms) and touch no database, so a GUI can run
// them on a worker thread.
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace trainer::identity {

struct PinCost {
    unsigned long long opslimit = 0;
    std::size_t memlimit = 0; // bytes
};

// libsodium's INTERACTIVE level (t=2, 64 MiB): the production default.
PinCost default_pin_cost();
// The OWASP minimum for Argon2id (t=2, 19 MiB); anything weaker is refused. Tests use it.
PinCost minimum_pin_cost();

class PinError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Why a PIN is not acceptable ("a PIN has 4 to 8 digits", ...), or nullopt when it is.
std::optional<std::string> pin_problem(std::string_view pin);
// Throws PinError with pin_problem's message.
void require_valid_pin(std::string_view pin);

// Why a PIN is too easy to guess to be set (one digit repeated, a run like 1234 or 9876, a short
// deny list such as 1212 or 2580, a 19xx/20xx year, a repeated half), or nullopt. Checked where
// a PIN is SET, never at sign-in (existing PINs keep working).
std::optional<std::string> weak_pin_reason(std::string_view pin);

// Argon2id hash string of a valid PIN; with a PIN key installed (pin_key.hpp) the PIN is first
// mixed with the organisation's key and the result is stored as "pk1:<key id>:$argon2id$...". PinError for an invalid PIN or a cost below the minimum.
std::string hash_pin(std::string_view pin, PinCost cost = default_pin_cost());
// True when the PIN matches; false for a malformed PIN or hash (never throws on bad input).
bool verify_pin(const std::string& hash, std::string_view pin);
// True when the hash was made with other (older) parameters and should be upgraded.
bool pin_needs_rehash(const std::string& hash, PinCost cost = default_pin_cost());

} // namespace trainer::identity
