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

// Argon2id hash string of a valid PIN. PinError for an invalid PIN or a cost below the minimum.
std::string hash_pin(std::string_view pin, PinCost cost = default_pin_cost());
// True when the PIN matches; false for a malformed PIN or hash (never throws on bad input).
bool verify_pin(const std::string& hash, std::string_view pin);
// True when the hash was made with other (older) parameters and should be upgraded.
bool pin_needs_rehash(const std::string& hash, PinCost cost = default_pin_cost());

} // namespace trainer::identity
