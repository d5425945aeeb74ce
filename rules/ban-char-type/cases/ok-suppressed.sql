-- migsafe-ignore ban-char-type -- mirrors the mainframe export layout, which is read by byte offset
ALTER TABLE mainframe_feed ADD COLUMN branch_code char(4);
