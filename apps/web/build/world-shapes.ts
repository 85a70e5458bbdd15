import { geoEqualEarth, geoPath, type ExtendedFeatureCollection } from 'd3-geo'
import type * as Countries from 'i18n-iso-countries'
import { createRequire } from 'node:module'
import { feature } from 'topojson-client'
import type { Plugin } from 'vite'

/** The map's drawing area (its SVG viewBox). */
export const MAP_WIDTH = 960
export const MAP_HEIGHT = 440

export interface WorldShape {
  /** ISO 3166-1 alpha-2, or null for the few areas without one (Kosovo, Northern Cyprus, …). */
  code: string | null
  /** The SVG path, projected (Equal Earth) into MAP_WIDTH x MAP_HEIGHT, to a tenth of a pixel. */
  d: string
}

/**
 * The countries of Natural Earth's 1:110m map (world-atlas), projected once here instead of in every
 * browser: the dashboard gets path strings and needs neither the TopoJSON, topojson-client, d3-geo
 * nor the country-number table. Antarctica is left out: no one stores data there.
 */
export function projectWorldShapes(): WorldShape[] {
  const require = createRequire(import.meta.url)
  // A CommonJS package: Node's ESM loader cannot name its exports.
  const { numericToAlpha2 } = require('i18n-iso-countries') as typeof Countries
  const topology = require('world-atlas/countries-110m.json') as Parameters<typeof feature>[0]
  const collection = feature(topology, topology.objects.countries as Parameters<typeof feature>[1])
  const features = 'features' in collection ? collection.features : [collection]
  const land = features.filter((f) => f.id !== '010')
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    { type: 'FeatureCollection', features: land } as ExtendedFeatureCollection,
  )
  // digits(1): a tenth of a pixel of a 960-pixel map is finer than any screen shows, and half the bytes.
  const path = geoPath(projection).digits(1)
  return land.map((f) => ({ code: f.id ? (numericToAlpha2(String(f.id)) ?? null) : null, d: path(f) ?? '' }))
}

const ID = 'virtual:world-shapes'

/** `import { shapes, MAP_WIDTH, MAP_HEIGHT } from 'virtual:world-shapes'`: the projected map as plain data. */
export function worldShapes(): Plugin {
  return {
    name: 'seloste-world-shapes',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null
      return [
        `export const MAP_WIDTH = ${MAP_WIDTH}`,
        `export const MAP_HEIGHT = ${MAP_HEIGHT}`,
        `export const shapes = JSON.parse(${JSON.stringify(JSON.stringify(projectWorldShapes()))})`,
      ].join('\n')
    },
  }
}
