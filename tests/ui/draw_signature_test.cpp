// The platform leaves the canvas alone when a frame's signature equals the last one drawn: equal
// frames must match, and any change to what reaches the screen must not.
#include <gtest/gtest.h>

#include "draw_signature.h"
#include "imgui.h"
#include "ui_test.h"

namespace rapport::ui {
namespace {

class DrawSignature : public testing::UiTest {
 protected:
  std::uint64_t signature() { return draw_signature(*ImGui::GetDrawData(), clear_); }
  ImVec4 clear_{1, 1, 1, 1};
};

TEST_F(DrawSignature, ASettledScreenDrawsTheSameFrameAgain) {
  start(1280, 800, 1.0f);
  frames(4);
  const std::uint64_t first = signature();
  frame();
  EXPECT_EQ(signature(), first);
  // A mouse move over nothing that reacts changes nothing on the screen.
  ImGui::GetIO().AddMousePosEvent(2, 798);
  frames(2);
  EXPECT_EQ(signature(), first);
}

TEST_F(DrawSignature, HoverTextAndClearColourEachChangeIt) {
  start(1280, 800, 1.0f);
  frames(4);
  const std::uint64_t settled = signature();
  const HitItem* settings = find("button:Settings");
  ASSERT_NE(settings, nullptr);
  ImGui::GetIO().AddMousePosEvent((settings->min.x + settings->max.x) / 2, (settings->min.y + settings->max.y) / 2);
  frames(2);
  EXPECT_NE(signature(), settled) << "a hovered button is drawn in another colour";

  ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  frames(2);
  EXPECT_EQ(signature(), settled);
  clear_ = ImVec4(0, 0, 0, 1);
  EXPECT_NE(signature(), settled) << "the canvas is cleared to another colour";
}

TEST_F(DrawSignature, EveryPartOfTheDrawDataCounts) {
  start(800, 600, 1.0f);
  frames(4);
  ImDrawData* data = ImGui::GetDrawData();
  ASSERT_GT(data->CmdListsCount, 0);
  ImDrawList* list = data->CmdLists[0];
  ASSERT_GT(list->VtxBuffer.Size, 0);
  ASSERT_GT(list->IdxBuffer.Size, 2);
  ASSERT_GT(list->CmdBuffer.Size, 0);
  const std::uint64_t base = signature();
  auto changes = [&](const char* what, auto&& edit, auto&& undo) {
    edit();
    EXPECT_NE(signature(), base) << what;
    undo();
    EXPECT_EQ(signature(), base) << what << " (undone)";
  };
  ImDrawVert& last = list->VtxBuffer[list->VtxBuffer.Size - 1];
  changes(
      "a vertex's colour", [&] { last.col ^= 1; }, [&] { last.col ^= 1; });
  changes(
      "a vertex's position", [&] { last.pos.x += 1; }, [&] { last.pos.x -= 1; });
  changes(
      "a vertex's texture coordinate", [&] { last.uv.y += 0.5f; }, [&] { last.uv.y -= 0.5f; });
  std::swap(list->IdxBuffer[0], list->IdxBuffer[1]);
  EXPECT_NE(signature(), base) << "the order of indices";
  std::swap(list->IdxBuffer[0], list->IdxBuffer[1]);
  ImDrawCmd& cmd = list->CmdBuffer[0];
  changes(
      "a clip rectangle", [&] { cmd.ClipRect.z -= 1; }, [&] { cmd.ClipRect.z += 1; });
  changes(
      "a command's count", [&] { cmd.ElemCount -= 3; }, [&] { cmd.ElemCount += 3; });
  changes(
      "a texture", [&] { cmd.TextureId = (ImTextureID)((intptr_t)cmd.TextureId + 1); },
      [&] { cmd.TextureId = (ImTextureID)((intptr_t)cmd.TextureId - 1); });
  changes(
      "the display size", [&] { data->DisplaySize.x += 1; }, [&] { data->DisplaySize.x -= 1; });
  changes(
      "the framebuffer scale", [&] { data->FramebufferScale.y = 2; }, [&] { data->FramebufferScale.y = 1; });
}

}  // namespace
}  // namespace rapport::ui
