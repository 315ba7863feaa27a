#pragma once
// Time source injected into every service, so rules can be tested at any instant.
#include <cstdint>

namespace trainer {

using TimeMs = std::int64_t; // milliseconds since the Unix epoch, UTC

class Clock {
public:
    virtual ~Clock() = default;
    // Current UTC time in milliseconds.
    virtual TimeMs now_ms() const = 0;
};

class SystemClock final : public Clock {
public:
    TimeMs now_ms() const override;
};

// A clock that only moves when told to; for tests and replays.
class FixedClock final : public Clock {
public:
    explicit FixedClock(TimeMs t) : t_(t) {}
    TimeMs now_ms() const override { return t_; }
    void set(TimeMs t) { t_ = t; }
    void advance_ms(TimeMs d) { t_ += d; }

private:
    TimeMs t_;
};

} // namespace trainer
