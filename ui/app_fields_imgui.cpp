// ImGui's own multi-line text box, for builds without the page's HTML fields (native tests and
// tools). Reached only through App::imgui_box_, which link_imgui_text_box() fills: the browser's
// builds never call it, so ImGui's text editing is left out of their wasm.
#include <string>

#include "app.h"
#include "imgui.h"
#include "imgui_stdlib.h"

namespace rapport::ui {

void link_imgui_text_box() {
  App::imgui_box_ = [](const char* id, std::string* value, Size2 size, bool enter_submits, bool read_only) {
    const ImGuiInputTextFlags flags =
        (read_only ? ImGuiInputTextFlags_ReadOnly : 0) |
        (enter_submits ? ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CtrlEnterForNewLine : 0);
    return ImGui::InputTextMultiline((std::string("##") + id).c_str(), value, ImVec2(size.x, size.y), flags);
  };
}

}  // namespace rapport::ui
