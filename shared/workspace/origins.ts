/**
 * Transaction origins. Every edit a person makes is tagged LOCAL_EDIT so the undo manager
 * tracks it, while sync, persistence and migrations use their own origins and are never undone.
 */
export const LOCAL_EDIT = 'workfolio:local-edit'
export const MIGRATION = 'workfolio:migration'
export const IMPORT = 'workfolio:import'
