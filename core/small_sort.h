// A stable sort for the short lists the app orders (the library, a map's columns, the history):
// insertion sort, a few hundred bytes of wasm where each std::stable_sort instantiation cost 2 to
// 4 KB (seven of them were 16 KB of the learner's wasm). Quadratic: for lists of at most a few
// hundred, mostly in order already (a history merged from two sorted ones).
#pragma once

#include <algorithm>
#include <iterator>

namespace rapport {

template <class It, class Less>
void small_stable_sort(It first, It last, Less less) {
  for (It i = first; i != last; ++i)
    for (It j = i; j != first && less(*j, *std::prev(j)); --j) std::iter_swap(j, std::prev(j));
}

}  // namespace rapport
