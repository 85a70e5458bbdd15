/** The world map, projected at build time (apps/web/build/world-shapes.ts). */
declare module 'virtual:world-shapes' {
  export const MAP_WIDTH: number
  export const MAP_HEIGHT: number
  export const shapes: readonly { code: string | null; d: string }[]
}
