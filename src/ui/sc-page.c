/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-page.h"

typedef struct
{
  ScDocument *document;
} ScPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ScPage, sc_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sc_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ScPagePrivate *priv = sc_page_get_instance_private (SC_PAGE (object));

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, priv->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  ScPagePrivate *priv = sc_page_get_instance_private (SC_PAGE (object));

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      priv->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_page_dispose (GObject *object)
{
  ScPagePrivate *priv = sc_page_get_instance_private (SC_PAGE (object));

  g_clear_object (&priv->document);
  G_OBJECT_CLASS (sc_page_parent_class)->dispose (object);
}

static void
sc_page_class_init (ScPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sc_page_get_property;
  object_class->set_property = sc_page_set_property;
  object_class->dispose = sc_page_dispose;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SC_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_page_init (ScPage *self)
{
}

ScDocument *
sc_page_get_document (ScPage *self)
{
  ScPagePrivate *priv;

  g_return_val_if_fail (SC_IS_PAGE (self), NULL);

  priv = sc_page_get_instance_private (self);
  return priv->document;
}
