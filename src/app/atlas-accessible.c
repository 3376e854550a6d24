/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-accessible.c: names for the controls that GTK 4.8 leaves badly named for screen readers. */
#include "atlas-accessible.h"

/* "_Rebase each series" -> "Rebase each series"; "__" is a literal "_". */
static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The text of the first label that points at @widget with a mnemonic. */
static char *
mnemonic_label_text (GtkWidget *widget)
{
  GList *labels = gtk_widget_list_mnemonic_labels (widget);
  char *text = NULL;

  for (GList *l = labels; l != NULL && text == NULL; l = l->next)
    if (GTK_IS_LABEL (l->data))
      text = g_strdup (gtk_label_get_text (GTK_LABEL (l->data)));
  g_list_free (labels);
  return text;
}

static void
fix_drop_down (GtkWidget *drop_down)
{
  GtkWidget *button = gtk_widget_get_first_child (drop_down);
  g_autofree char *name = NULL;

  if (!GTK_IS_TOGGLE_BUTTON (button))
    return;
  name = g_strdup (gtk_widget_get_tooltip_text (drop_down));
  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = mnemonic_label_text (drop_down);
    }
  if (name != NULL && *name != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

static void
fix_widget (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    {
      /* The button stays labelled by its child label, which reads the
       * label without the underline. */
      if (gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
          gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
        gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      const char *label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));

      if (gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)) && label != NULL)
        {
          g_autofree char *name = strip_mnemonic (label);

          gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                          -1);
        }
    }
  else if (GTK_IS_DROP_DOWN (widget))
    fix_drop_down (widget);
}

void
atlas_accessible_fix_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  fix_widget (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    atlas_accessible_fix_names (child);
}
