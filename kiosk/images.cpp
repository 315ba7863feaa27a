#include "kiosk/images.hpp"

#include <GLFW/glfw3.h>
#include <stb_image.h>

#include <cstdint>
#include <iostream>

namespace kiosk {

ImageCache::~ImageCache() {
    for (auto& [path, p] : loaded_)
        if (p.texture) {
            GLuint id = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(p.texture));
            glDeleteTextures(1, &id);
        }
}

const Picture* ImageCache::get(const std::string& relative_path) {
    if (auto it = loaded_.find(relative_path); it != loaded_.end()) return it->second.texture ? &it->second : nullptr;
    Picture& p = loaded_[relative_path];
    const auto file = root_ / relative_path;
    int channels = 0;
    unsigned char* pixels = stbi_load(file.c_str(), &p.width, &p.height, &channels, 4);
    if (!pixels) {
        std::cerr << "kiosk: picture " << file.string() << " not shown: " << stbi_failure_reason() << "\n";
        return nullptr;
    }
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, p.width, p.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    stbi_image_free(pixels);
    p.texture = reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id));
    return &p;
}

} // namespace kiosk
