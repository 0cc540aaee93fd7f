interface Props {
  /** Prefix for the inputs' ids. */
  id: string
  name: string
  description: string
  /** The candidate's steps as words, shown until a name is typed. */
  placeholder: string
  onName(name: string): void
  onDescription(description: string): void
}

/** Naming a recipe when it is promoted, in the catalog or during a review. */
export function RecipeNameFields({ id, name, description, placeholder, onName, onDescription }: Props) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-name`}>Recipe name</label>
        <input id={`${id}-name`} value={name} placeholder={placeholder} onChange={(event) => onName(event.target.value)} autoFocus />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description</label>
        <input id={`${id}-description`} value={description} onChange={(event) => onDescription(event.target.value)} />
      </div>
    </>
  )
}
