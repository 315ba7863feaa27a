#pragma once
// Where the database, content and assets are found when no option names them.
#include <filesystem>
#include <string>

namespace trainer {

// --db, else $TRAINER_DB, else var/trainer.db under the current directory.
std::filesystem::path default_db_path();
// $TRAINER_CONTENT, else ./content when it exists, else the source tree's content/.
std::filesystem::path default_content_dir();
// $TRAINER_ASSETS, else ./assets when it exists, else the source tree's assets/.
std::filesystem::path default_assets_dir();
// The source tree this build came from (fallback for content, assets and config).
std::filesystem::path source_dir();

} // namespace trainer
