#pragma once
// Name-based UUIDs, version 5 (RFC 4122 §4.3: SHA-1 of namespace + name), for xAPI statement ids
// of imported events whose own id is not a UUID ("qa:maestroqa:123"): the same event always
// gets the same statement id, so sending twice is harmless. libsodium has no SHA-1, hence ours.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace trainer::quality {

std::array<std::uint8_t, 20> sha1(std::string_view data);
std::string sha1_hex(std::string_view data);

// RFC 4122 appendix C's URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
inline constexpr std::string_view kUrlNamespace = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

// UUID v5 of `name` in `namespace_uuid` (canonical text form); std::invalid_argument when the
// namespace is not a UUID. Lowercase canonical output.
std::string uuid_v5(std::string_view namespace_uuid, std::string_view name);

} // namespace trainer::quality
