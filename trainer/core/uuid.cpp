#include "trainer/core/uuid.hpp"

#include <sodium.h>

#include <chrono>
#include <cstdint>
#include <mutex>
#include <stdexcept>

namespace trainer {

namespace {

std::string format_uuid(const unsigned char* b) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    s.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) s.push_back('-');
        s.push_back(kHex[b[i] >> 4]);
        s.push_back(kHex[b[i] & 0x0F]);
    }
    return s;
}

std::mutex g_v7_mutex;
std::uint64_t g_v7_last_ms = 0;
std::uint32_t g_v7_counter = 0; // 12 bits used; the millisecond is borrowed when it overflows

} // namespace

std::string new_uuid() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    return format_uuid(b);
}

std::string new_time_ordered_uuid() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    const auto wall = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
    std::uint64_t ms;
    std::uint32_t counter;
    {
        std::lock_guard<std::mutex> lock(g_v7_mutex);
        if (wall > g_v7_last_ms) {
            g_v7_last_ms = wall;
            g_v7_counter = 0;
        } else if (++g_v7_counter > 0xFFF) {
            ++g_v7_last_ms; // more than 4096 ids in one millisecond: run ahead, never backwards
            g_v7_counter = 0;
        }
        ms = g_v7_last_ms;
        counter = g_v7_counter;
    }
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    for (int i = 0; i < 6; ++i) b[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
    b[6] = static_cast<unsigned char>(0x70 | ((counter >> 8) & 0x0F));
    b[7] = static_cast<unsigned char>(counter & 0xFF);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    return format_uuid(b);
}

bool is_uuid(std::string_view s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

} // namespace trainer
