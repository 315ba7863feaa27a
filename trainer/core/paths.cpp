#include "trainer/core/paths.hpp"

#include <cstdlib>

namespace trainer {

namespace {

std::filesystem::path from_env_or(const char* env, const char* local, const char* in_source) {
    if (const char* v = std::getenv(env); v && *v) return v;
    std::error_code ec;
    if (std::filesystem::is_directory(local, ec)) return local;
    return source_dir() / in_source;
}

} // namespace

std::filesystem::path source_dir() { return TRAINER_SOURCE_DIR; }

std::filesystem::path default_db_path() {
    if (const char* v = std::getenv("TRAINER_DB"); v && *v) return v;
    return std::filesystem::path("var") / "trainer.db";
}

std::filesystem::path default_content_dir() {
    return from_env_or("TRAINER_CONTENT", "content", "content");
}

std::filesystem::path default_assets_dir() {
    return from_env_or("TRAINER_ASSETS", "assets", "assets");
}

} // namespace trainer
