#pragma once
#include <string>
#include <string_view>

namespace trainer {

// A random (version 4) UUID in lowercase canonical form, from libsodium's CSPRNG.
std::string new_uuid();
// A time-ordered (version 7) UUID: 48 bits of wall-clock milliseconds, then a counter, then random
// bits. Ids made later in this process always sort after earlier ones, so events written at the same
// instant (one transaction, or a test clock) keep their order in the one total order of issue 12.
std::string new_time_ordered_uuid();
// True for the canonical 8-4-4-4-12 lowercase or uppercase hex form.
bool is_uuid(std::string_view s);

} // namespace trainer
