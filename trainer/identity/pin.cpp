#include "trainer/identity/pin.hpp"

#include <sodium.h>

#include <algorithm>

namespace trainer::identity {

namespace {

void init_sodium() {
    if (sodium_init() < 0) throw PinError("libsodium could not be initialised");
}

} // namespace

PinCost default_pin_cost() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PinCost minimum_pin_cost() {
    return {2, std::size_t{19} * 1024 * 1024};
}

std::optional<std::string> pin_problem(std::string_view pin) {
    if (pin.empty()) return "enter a PIN (4 to 8 digits)";
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return "a PIN has digits only (0-9)";
    if (pin.size() < 4) return "a PIN has at least 4 digits";
    if (pin.size() > 8) return "a PIN has at most 8 digits";
    return std::nullopt;
}

void require_valid_pin(std::string_view pin) {
    if (auto p = pin_problem(pin)) throw PinError(*p);
}

std::string hash_pin(std::string_view pin, PinCost cost) {
    require_valid_pin(pin);
    const PinCost min = minimum_pin_cost();
    if (cost.opslimit < min.opslimit || cost.memlimit < min.memlimit)
        throw PinError("PIN hashing cost below the OWASP minimum (t=2, 19 MiB)");
    init_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), cost.opslimit, cost.memlimit) != 0)
        throw PinError("not enough memory to hash the PIN");
    return out;
}

bool verify_pin(const std::string& hash, std::string_view pin) {
    if (pin_problem(pin) || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    init_sodium();
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

bool pin_needs_rehash(const std::string& hash, PinCost cost) {
    init_sodium();
    // -1 (not a valid Argon2id string) counts as "needs a new hash" too.
    return crypto_pwhash_str_needs_rehash(hash.c_str(), cost.opslimit, cost.memlimit) != 0;
}

} // namespace trainer::identity
