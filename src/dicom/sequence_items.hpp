#pragma once
// Visiting the items of a DICOM sequence in order, in time linear in the items.

#include "dcmtk/dcmdata/dcitem.h"
#include "dcmtk/dcmdata/dcsequen.h"

namespace mammocalc {

// Calls visit(item, index) for each item of `sequence`, in order. DcmSequenceOfItems::getItem(i)
// walks the item list from its start on every call, so a loop over getItem is quadratic in the
// items (an SR of thousands of findings; hostile review 53, H53-4); nextInContainer goes on
// from the item before.
template <typename Visit>
void for_each_item(DcmSequenceOfItems& sequence, Visit visit) {
  unsigned long index = 0;
  for (DcmObject* object = sequence.nextInContainer(nullptr); object != nullptr;
       object = sequence.nextInContainer(object)) {
    visit(*static_cast<DcmItem*>(object), index++);
  }
}

}  // namespace mammocalc
