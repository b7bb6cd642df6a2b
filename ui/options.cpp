// URL query parsing for AppOptions.
#include "options.h"

#include <cstdlib>

namespace rapport::ui {
namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string url_decode(std::string_view in) {
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '+')
      out += ' ';
    else if (in[i] == '%' && i + 2 < in.size() && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
      out += static_cast<char>(hex(in[i + 1]) * 16 + hex(in[i + 2]));
      i += 2;
    } else
      out += in[i];
  }
  return out;
}

bool truthy(const std::string& v) { return v == "1" || v == "true" || v == "yes" || v == "on"; }

}  // namespace

AppOptions parse_app_options(std::string_view query) {
  AppOptions o;
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    size_t eq = pair.find('=');
    std::string key = url_decode(pair.substr(0, eq));
    std::string value = eq == std::string_view::npos ? "1" : url_decode(pair.substr(eq + 1));
    if (key == "scenario")
      o.scenario = value;
    else if (key == "drafts")
      o.drafts = value;
    else if (key == "mode" && value == "text")
      o.mode = ReplyMode::Text;
    else if (key == "mode" && value == "choice")
      o.mode = ReplyMode::Choice;
    else if (key == "coach")
      o.coaching = truthy(value);
    else if (key == "embed")
      o.embed = truthy(value);
    else if (key == "kiosk")
      o.kiosk = truthy(value);
    else if (key == "order")
      o.authored_order = value == "authored";
    else if (key == "author")
      o.author = truthy(value);
    else if (key == "pace")
      o.pace = value != "off" && value != "0";
    else if (key == "seed") {
      const long long s = std::atoll(value.c_str());
      if (s >= 1 && s <= 0xFFFFFFFFll) o.seed = static_cast<std::uint32_t>(s);
    } else if (key == "idle") {
      double s = std::atof(value.c_str());
      if (s >= 1 && s <= 3600) o.idle_seconds = s;
    } else if (key == "origin") {
      // Only a plain http(s) origin, never a wildcard.
      if ((value.rfind("https://", 0) == 0 || value.rfind("http://", 0) == 0) && value.find('*') == std::string::npos &&
          value.find('/', value.find("//") + 2) == std::string::npos)
        o.parent_origin = value;
    }
  }
  return o;
}

}  // namespace rapport::ui
