/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-accessible.h: names for the controls that GTK 4.8 leaves badly named for screen readers. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Walks @root's widgets (popovers included) and fixes, in place, what GTK
 * 4.8 tells assistive technologies wrongly:
 *  - a button with a mnemonic is named "_Flows Flows" (its label with the
 *    underline, then its child label): named "Flows";
 *  - a check button with a mnemonic is named "_Rebase…": named "Rebase…";
 *  - a drop-down's button, the part that takes the focus, has no name
 *    (screen readers read "GtkToggleButton"): named after the drop-down's
 *    tooltip, else its mnemonic label.
 * Call once the widgets exist (after gtk_widget_init_template()); buttons
 * added later are not seen. */
void atlas_accessible_fix_names (GtkWidget *root);

G_END_DECLS
