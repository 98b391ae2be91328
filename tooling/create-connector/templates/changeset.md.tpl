---
"__PACKAGE__": minor
---

Add the __TITLE__ email connector (`create__PASCAL__Connector`), generated with `pnpm gen:connector __NAME__`.
