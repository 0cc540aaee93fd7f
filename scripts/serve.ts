import { resolve } from 'node:path'
import { createStaticSite, listen } from '../server/staticSite'

/** `npm run serve`: the browser build of the app at http://localhost:5178. */
const port = Number(process.env.PORT ?? 5178)
const host = process.env.HOST ?? 'localhost'
const site = createStaticSite(resolve(import.meta.dirname, '../out/web'))

listen(site, port, host).then(
  (actualPort) => {
    console.log(`Workfolio is running at http://${host}:${actualPort}`)
  },
  (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to use another.` : error.message)
    process.exit(1)
  },
)
