---
"__PACKAGE__": minor
"__MOCKPACKAGE__": minor
---

Add the __TITLE__ email connector (`create__PASCAL__Connector`) and its provider mock (`__MOCKPACKAGE__`), generated with `pnpm gen:connector __NAME__`.
