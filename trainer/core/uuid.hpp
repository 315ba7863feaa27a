#pragma once
#include <string>
#include <string_view>

namespace trainer {

// A random (version 4) UUID in lowercase canonical form, from libsodium's CSPRNG.
std::string new_uuid();
// True for the canonical 8-4-4-4-12 lowercase or uppercase hex form.
bool is_uuid(std::string_view s);

} // namespace trainer
