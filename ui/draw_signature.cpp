#include "draw_signature.h"

#include <cstring>

#include "imgui.h"

namespace rapport::ui {
namespace {

/// Eight bytes at a time, each folded in with a multiply and a rotation; the tail byte by byte.
class Hasher {
 public:
  void bytes(const void* p, std::size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (; n >= 8; n -= 8, b += 8) {
      std::uint64_t w;
      std::memcpy(&w, b, 8);
      word(w);
    }
    std::uint64_t tail = n;
    for (std::size_t i = 0; i < n; ++i) tail = (tail << 8) | b[i];
    word(tail ^ 0xa5a5a5a5a5a5a5a5ull);
  }
  template <class T>
  void value(const T& v) {
    bytes(&v, sizeof v);
  }
  std::uint64_t result() const { return h_ ^ (h_ >> 29); }

 private:
  void word(std::uint64_t w) {
    h_ ^= w * 0x9e3779b97f4a7c15ull;
    h_ = ((h_ << 27) | (h_ >> 37)) * 0xbf58476d1ce4e5b9ull;
  }
  std::uint64_t h_ = 0x243f6a8885a308d3ull;
};

}  // namespace

std::uint64_t draw_signature(const ImDrawData& data, const ImVec4& clear) {
  Hasher h;
  h.value(clear);
  h.value(data.DisplayPos);
  h.value(data.DisplaySize);
  h.value(data.FramebufferScale);
  h.value(data.CmdListsCount);
  for (const ImDrawList* list : data.CmdLists) {
    h.value(list->VtxBuffer.Size);
    h.bytes(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    h.value(list->IdxBuffer.Size);
    h.bytes(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    h.value(list->CmdBuffer.Size);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      h.value(cmd.ClipRect);
      h.value(cmd.TextureId);
      h.value(cmd.VtxOffset);
      h.value(cmd.IdxOffset);
      h.value(cmd.ElemCount);
      h.value(cmd.UserCallback);
    }
  }
  return h.result();
}

}  // namespace rapport::ui
