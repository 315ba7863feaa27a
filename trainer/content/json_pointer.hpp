#pragma once
// RFC 6901 JSON pointers as the content checks name places (json_pointer.cpp). No JSON header:
// the units that only build pointers need none (docs/architecture.md, "Light headers").
#include <cstddef>
#include <string>
#include <string_view>

namespace trainer::content {

// RFC 6901: "/" + key with '~' -> "~0" and '/' -> "~1".
std::string pointer_append(const std::string& parent, std::string_view key);
std::string pointer_append(const std::string& parent, std::size_t index);

} // namespace trainer::content
